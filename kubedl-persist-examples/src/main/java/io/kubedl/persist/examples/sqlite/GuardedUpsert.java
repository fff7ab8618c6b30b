package io.kubedl.persist.examples.sqlite;

import java.util.Collections;
import java.util.List;

/**
 * Builds a table's save statement: ONE guarded upsert (rules W1..W8). For the job
 * table it reads:
 *
 * <pre>
 * INSERT INTO job_info (deploy_region, job_id, ..., gmt_finished, revision) VALUES (?, ?, ..., ?, 1)
 * ON CONFLICT (deploy_region, job_id) DO UPDATE SET
 *   version = excluded.version, status = excluded.status,
 *   resources = excluded.resources, ..., is_in_etcd = excluded.is_in_etcd,
 *   gmt_modified = CASE WHEN excluded.status = job_info.status THEN job_info.gmt_modified ELSE ? END,
 *   gmt_running = COALESCE(job_info.gmt_running, excluded.gmt_running),
 *   gmt_finished = COALESCE(excluded.gmt_finished, job_info.gmt_finished),
 *   revision = job_info.revision + 1
 * WHERE job_info.is_in_etcd = 1 AND &lt;excluded.version is newer&gt;
 * RETURNING revision
 * </pre>
 *
 * The statement's parameters are the insert columns in order, then gmt_modified of a
 * status change. SQLite evaluates every SET expression against the row as it was
 * before the update, so the order of the assignments does not matter.
 */
final class GuardedUpsert {
    private GuardedUpsert() {
    }

    /**
     * @param table job_info or pod_info
     * @param idColumn the Kubernetes UID column; with deploy_region the unique identity (I1, I2)
     * @param insertColumns every column written on insert, in binding order (revision excluded)
     * @param replaced text columns a newer version replaces, even by null, besides version, status and is_in_etcd
     * @param setOnce timestamps a newer version fills only while empty: COALESCE(stored, new)
     * @param kept timestamps a newer version fills but never erases: COALESCE(new, stored)
     * @return the SQL
     */
    static String sql(String table, String idColumn, List<String> insertColumns, List<String> replaced,
            List<String> setOnce, List<String> kept) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", insertColumns)).append(", revision)\nVALUES (")
                .append(String.join(", ", Collections.nCopies(insertColumns.size(), "?"))).append(", 1)\n")
                .append("ON CONFLICT (deploy_region, ").append(idColumn).append(") DO UPDATE SET\n")
                .append("  version = excluded.version,\n  status = excluded.status,\n");
        for (String column : replaced) {
            sql.append("  ").append(column).append(" = excluded.").append(column).append(",\n");
        }
        sql.append("  is_in_etcd = excluded.is_in_etcd,\n")
                .append("  gmt_modified = CASE WHEN excluded.status = ").append(table).append(".status THEN ")
                .append(table).append(".gmt_modified ELSE ? END,\n");
        for (String column : setOnce) {
            sql.append("  ").append(column).append(" = COALESCE(").append(table).append('.').append(column)
                    .append(", excluded.").append(column).append("),\n");
        }
        for (String column : kept) {
            sql.append("  ").append(column).append(" = COALESCE(excluded.").append(column).append(", ")
                    .append(table).append('.').append(column).append("),\n");
        }
        return sql.append("  revision = ").append(table).append(".revision + 1\n")
                .append("WHERE ").append(table).append(".is_in_etcd = 1 AND ").append(StoredRow.newerVersionGuard(table))
                .append("\nRETURNING revision").toString();
    }
}
