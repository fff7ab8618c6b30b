-- The columns KubeDL's Go code and console read, so its readers work on our tables:
-- gmt_job_running and gmt_job_finished (KubeDL's names of gmt_running and gmt_finished)
-- and deleted (KubeDL's soft-delete flag; kubedl-persist deletes rows for good (D2), so a
-- row that exists is never deleted: always 0). Generated VIRTUAL columns: nothing is
-- stored twice, and MySQL 8.0+ and MariaDB 10.6+ both accept this syntax. A write to
-- them is refused (strict mode), so KubeDL's own writes cannot change our rows: one writer.
-- Re-run after an interruption, an ADD COLUMN fails with 1060 (duplicate column), which
-- the migrator accepts; so each column is its own statement.
ALTER TABLE job_info ADD COLUMN gmt_job_running DATETIME GENERATED ALWAYS AS (gmt_running) VIRTUAL;
ALTER TABLE job_info ADD COLUMN gmt_job_finished DATETIME GENERATED ALWAYS AS (gmt_finished) VIRTUAL;
ALTER TABLE job_info ADD COLUMN deleted TINYINT GENERATED ALWAYS AS (0) VIRTUAL;
ALTER TABLE replica_info ADD COLUMN deleted TINYINT GENERATED ALWAYS AS (0) VIRTUAL;
