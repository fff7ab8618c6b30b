package io.kubedl.persist.mysql.internal;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the guarded upsert, the single statement behind save and saveAll (rules W1..W8).
 *
 * <p>{@code INSERT ... ON DUPLICATE KEY UPDATE} inserts an unknown identity; for a known
 * one every assignment is guarded by "the stored row is in etcd and the incoming
 * version is newer" (KEP-5504 in SQL: longer is newer, equal length compares as
 * strings; the columns are utf8mb4_bin, so the comparison is bytewise).
 *
 * <p>MySQL and MariaDB evaluate the assignments left to right, and an assignment sees
 * the columns assigned before it. The guard reads {@code version} and
 * {@code is_in_etcd}, and both are themselves assigned, so no order of assignments
 * could keep the guard's inputs intact for every column. Hence the first assignment
 * stores the statement's random {@code write_nonce} when, and only when, the guard
 * holds; every later assignment asks {@code write_nonce = VALUES(write_nonce)} instead
 * of re-evaluating the guard. When the guard fails, no column changes at all, so the
 * affected-row count is 0 (useAffectedRows), and 2 when the row was replaced.
 * Timestamps are COALESCEd (an empty value never erases one): most as
 * COALESCE(new, stored), the set-once ones (a job's gmt_running, W7: when it first ran)
 * as COALESCE(stored, new). Neither reads another assigned column, so their place
 * after the nonce is free; {@code status} is assigned after {@code gmt_modified},
 * which compares it.
 */
final class UpsertSql {
    private UpsertSql() {
    }

    /**
     * @param table the table
     * @param insertColumns every column written on insert, in binding order, ending with write_nonce
     * @param replaced columns replaced by a newer version (besides status, is_in_etcd, version)
     * @param coalesced timestamp columns that keep their value when the newer one is null
     * @param firstValue timestamp columns set once: they take the newer value only while empty
     * @param gmtModifiedParameter true: gmt_modified moves to a bound parameter when the status
     *        differs (single save); false: it takes the inserted value (batches, where the provider
     *        computed it under a row lock and the statement must have no parameter after VALUES so
     *        that Connector/J can rewrite the batch into one multi-row INSERT)
     * @return the SQL
     */
    static String build(String table, List<String> insertColumns, List<String> replaced, List<String> coalesced,
            List<String> firstValue, boolean gmtModifiedParameter) {
        String newer = "is_in_etcd = 1 AND (CHAR_LENGTH(VALUES(version)) > CHAR_LENGTH(version)"
                + " OR (CHAR_LENGTH(VALUES(version)) = CHAR_LENGTH(version) AND VALUES(version) > version))";
        String applied = "write_nonce = VALUES(write_nonce)";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", insertColumns)).append(") VALUES (")
                .append(String.join(", ", Collections.nCopies(insertColumns.size(), "?")))
                .append(") ON DUPLICATE KEY UPDATE ")
                .append("write_nonce = IF(").append(newer).append(", VALUES(write_nonce), write_nonce), ");
        if (gmtModifiedParameter) {
            sql.append("gmt_modified = IF(").append(applied).append(" AND status <> VALUES(status), ?, gmt_modified), ");
        } else {
            sql.append("gmt_modified = IF(").append(applied).append(", VALUES(gmt_modified), gmt_modified), ");
        }
        sql.append("status = IF(").append(applied).append(", VALUES(status), status), ");
        sql.append(replaced.stream().map(c -> c + " = IF(" + applied + ", VALUES(" + c + "), " + c + "), ")
                .collect(Collectors.joining()));
        sql.append(coalesced.stream().map(c -> c + " = IF(" + applied + ", COALESCE(VALUES(" + c + "), " + c + "), " + c + "), ")
                .collect(Collectors.joining()));
        sql.append(firstValue.stream().map(c -> c + " = IF(" + applied + ", COALESCE(" + c + ", VALUES(" + c + ")), " + c + "), ")
                .collect(Collectors.joining()));
        sql.append("is_in_etcd = IF(").append(applied).append(", VALUES(is_in_etcd), is_in_etcd), ");
        sql.append("version = IF(").append(applied).append(", VALUES(version), version)");
        return sql.toString();
    }
}
