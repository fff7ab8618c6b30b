package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.ConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the SQLite store, versioned with {@code PRAGMA user_version}: each
 * entry of {@link #MIGRATIONS} runs once, in order, inside the opening transaction,
 * so two processes opening one file at once migrate it once. A file written by a
 * newer version of this provider is refused rather than misread.
 *
 * <p>Column names follow the seed's MySQL tables. Times are INTEGER seconds since the
 * epoch (UTC by definition, exact, and ordered as numbers); text is SQLite TEXT
 * (UTF-8, so 4-byte characters round-trip, rule V3). {@code revision} counts the
 * writes of a row: 1 after the insert, so the upsert's RETURNING tells INSERTED from
 * UPDATED. {@code replica_index} is the pod name's numeric suffix, computed once at
 * insert (names never change), so the Q4 order is a plain index scan.
 */
final class SqliteSchema {
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE job_info (
              id            INTEGER PRIMARY KEY AUTOINCREMENT,
              deploy_region TEXT    NOT NULL,
              job_id        TEXT    NOT NULL,
              name          TEXT    NOT NULL,
              namespace     TEXT    NOT NULL,
              kind          TEXT    NOT NULL,
              version       TEXT    NOT NULL,
              status        TEXT    NOT NULL,
              resources     TEXT,
              tenant        TEXT,
              owner         TEXT,
              remark        TEXT,
              is_in_etcd    INTEGER NOT NULL,
              gmt_created   INTEGER NOT NULL,
              gmt_modified  INTEGER NOT NULL,
              gmt_running   INTEGER,
              gmt_finished  INTEGER,
              revision      INTEGER NOT NULL,
              UNIQUE (deploy_region, job_id)
            )""",
            "CREATE INDEX job_info_created ON job_info (gmt_created, id)",
            "CREATE INDEX job_info_namespace_created ON job_info (namespace, gmt_created, id)",
            "CREATE INDEX job_info_name ON job_info (namespace, name, kind, gmt_created)",
            "CREATE INDEX job_info_etcd_kind ON job_info (deploy_region, is_in_etcd, kind)",
            "CREATE INDEX job_info_removed_finished ON job_info (is_in_etcd, gmt_finished)",
            """
            CREATE TABLE pod_info (
              id            INTEGER PRIMARY KEY AUTOINCREMENT,
              deploy_region TEXT    NOT NULL,
              pod_id        TEXT    NOT NULL,
              name          TEXT    NOT NULL,
              namespace     TEXT    NOT NULL,
              version       TEXT    NOT NULL,
              status        TEXT    NOT NULL,
              image         TEXT,
              job_id        TEXT    NOT NULL,
              replica_type  TEXT,
              replica_index INTEGER NOT NULL,
              resources     TEXT,
              host_ip       TEXT,
              pod_ip        TEXT,
              remark        TEXT,
              is_in_etcd    INTEGER NOT NULL,
              gmt_created   INTEGER NOT NULL,
              gmt_modified  INTEGER NOT NULL,
              gmt_started   INTEGER,
              gmt_finished  INTEGER,
              revision      INTEGER NOT NULL,
              UNIQUE (deploy_region, pod_id)
            )""",
            "CREATE INDEX pod_info_job_order ON pod_info (job_id, replica_type, replica_index, gmt_created, id)",
            "CREATE INDEX pod_info_region_job ON pod_info (deploy_region, job_id)",
            "CREATE INDEX pod_info_name ON pod_info (namespace, name, gmt_created)",
            "CREATE INDEX pod_info_etcd ON pod_info (deploy_region, is_in_etcd)",
            "CREATE INDEX pod_info_removed_finished ON pod_info (is_in_etcd, gmt_finished)"));

    private SqliteSchema() {
    }

    /** @return the schema version this code writes */
    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Brings the schema to {@link #latestVersion()}; runs inside the caller's write transaction. */
    static Void migrate(Connection connection) throws SQLException {
        int current;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        if (current > latestVersion()) {
            throw new ConfigurationException("the SQLite database has schema version " + current
                    + " but this provider knows only up to " + latestVersion() + "; use a newer kubedl-persist");
        }
        for (int version = current + 1; version <= latestVersion(); version++) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : MIGRATIONS.get(version - 1)) {
                    statement.execute(ddl);
                }
                // PRAGMA takes no bind parameters; the value is our own integer
                statement.execute("PRAGMA user_version = " + version);
            }
        }
        return null;
    }
}
