package io.kubedl.persist.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the plain-JDBC baselines for one table. They follow the same rules as the
 * provider where the final table shows it (newest version wins, a removed row stays
 * removed, D1 on removal), so that their final tables can be compared; they are what a
 * careful user writes by hand, not tuned code. Assignments in ON DUPLICATE KEY UPDATE
 * and UPDATE run left to right on MySQL and MariaDB, hence version and status last.
 *
 * @param mapping the table
 * @param mutable the text columns a newer version replaces
 * @param sticky the timestamp columns a newer version never erases: COALESCE(new, old),
 *        or COALESCE(old, new) for those also in {@code setOnce}
 * @param setOnce the sticky columns that keep their first value (a job's gmt_running, W7)
 */
record BaselineSql(RowMapping<?> mapping, List<String> mutable, List<String> sticky, List<String> setOnce) {
    static final String FINISHED = "('Succeeded', 'Failed', 'Stopped')";

    static final BaselineSql JOBS = new BaselineSql(RowMapping.JOBS,
            List.of("resources", "tenant", "owner", "remark"), List.of("gmt_running", "gmt_finished"),
            List.of("gmt_running"));
    static final BaselineSql PODS = new BaselineSql(RowMapping.PODS,
            List.of("image", "replica_type", "resources", "host_ip", "pod_ip", "remark"),
            List.of("gmt_started", "gmt_finished"), List.of());

    private static final String NEWER = "(is_in_etcd = 1 AND (CHAR_LENGTH(VALUES(version)) > CHAR_LENGTH(version)"
            + " OR (CHAR_LENGTH(VALUES(version)) = CHAR_LENGTH(version) AND VALUES(version) > version)))";

    /** @return INSERT of all columns, one row */
    String insert() {
        return "INSERT INTO " + mapping.table() + " (" + mapping.columnList() + ") VALUES " + mapping.placeholders();
    }

    /** @param rows rows per statement @return a multi-row INSERT of all columns */
    String insertRows(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(mapping.table()).append(" (")
                .append(mapping.columnList()).append(") VALUES ");
        String one = mapping.placeholders();
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(one);
        }
        return sql.toString();
    }

    /** @return the naive path's guarded upsert: binds all columns of the record */
    String upsert() {
        List<String> set = new ArrayList<>();
        set.add("gmt_modified = IF(" + NEWER + " AND status <> VALUES(status), VALUES(gmt_modified), gmt_modified)");
        for (String column : mutable) {
            set.add(column + " = IF(" + NEWER + ", VALUES(" + column + "), " + column + ")");
        }
        for (String column : sticky) {
            String kept = setOnce.contains(column) ? "COALESCE(" + column + ", VALUES(" + column + "))"
                    : "COALESCE(VALUES(" + column + "), " + column + ")";
            set.add(column + " = IF(" + NEWER + ", " + kept + ", " + column + ")");
        }
        set.add("status = IF(" + NEWER + ", VALUES(status), status)");
        set.add("version = IF(" + NEWER + ", VALUES(version), version)");
        return insert() + " ON DUPLICATE KEY UPDATE " + String.join(", ", set);
    }

    /** @return the KubeDL-style read: binds region, id; reads version, is_in_etcd */
    String select() {
        return "SELECT version, is_in_etcd FROM " + mapping.table() + " WHERE deploy_region = ? AND "
                + mapping.idColumn() + " = ?";
    }

    /**
     * @return the KubeDL-style update of a row known older: binds status (for gmt_modified),
     *         gmt_modified, each mutable column, each sticky column, status, version, region, id
     */
    String update() {
        List<String> set = new ArrayList<>();
        set.add("gmt_modified = IF(status <> ?, ?, gmt_modified)");
        for (String column : mutable) {
            set.add(column + " = ?");
        }
        for (String column : sticky) {
            set.add(column + (setOnce.contains(column) ? " = COALESCE(" + column + ", ?)" : " = COALESCE(?, " + column + ")"));
        }
        set.add("status = ?");
        set.add("version = ?");
        return "UPDATE " + mapping.table() + " SET " + String.join(", ", set) + " WHERE deploy_region = ? AND "
                + mapping.idColumn() + " = ?";
    }

    /** @return D1 as one statement: binds removedAt three times, region, id */
    String markRemoved() {
        return "UPDATE " + mapping.table() + " SET"
                + " gmt_modified = IF(status IN " + FINISHED + ", gmt_modified, ?),"
                + " gmt_finished = IF(status IN " + FINISHED + ", COALESCE(gmt_finished, ?), ?),"
                + " status = IF(status IN " + FINISHED + ", status, 'Stopped'),"
                + " is_in_etcd = 0"
                + " WHERE deploy_region = ? AND " + mapping.idColumn() + " = ? AND is_in_etcd = 1";
    }
}
