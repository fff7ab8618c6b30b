package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.RowRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code saveAll} inside its transaction (B1): the outcome of every item MUST be
 * exactly what the saves one by one would report, also while other batches and saves
 * write the same identities (I2: one INSERTED per identity), with a few multi-row
 * statements per batch, never a round trip per row.
 *
 * <p>Why not just read, compute, write: under READ COMMITTED a {@code SELECT ... FOR
 * UPDATE} that finds no row locks nothing, so two batches that both find an identity
 * absent would both report INSERTED. So:
 * <ol>
 * <li>lock the stored rows of the batch's identities ({@code SELECT ... FOR UPDATE},
 *     UIDs in sorted order);</li>
 * <li>for the identities absent at that moment, apply the batch's items in memory from
 *     "no row" and insert the resulting rows, tagged with a nonce of this batch in
 *     {@code write_nonce}, with one multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE
 *     id = id} in key order: a row that appeared meanwhile is left as it is but locked
 *     exclusively (an {@code INSERT IGNORE} would take only a shared lock, and two
 *     batches upgrading shared locks deadlock);</li>
 * <li>when the insert's affected-row count equals the number of absent identities,
 *     every one of them was inserted by this statement (each row counts 1 when
 *     inserted, 0 when it existed), so nothing is read again; otherwise read those
 *     identities again, locked: a row carrying this batch's nonce was
 *     inserted by this batch, so its first item is the one INSERTED and the row already
 *     holds the batch's final state; any other row was committed by someone else in
 *     between, and the batch's items are applied to it like to any stored row;</li>
 * <li>apply the rules in memory item by item in input order (outcomes), and write the
 *     identities that still change with the version-guarded multi-row upsert.</li>
 * </ol>
 * Every row the batch touches is locked from its first statement to the commit, so the
 * in-memory outcomes are the truth. Keys are sorted before each locking statement, so
 * two batches lock in the same order; a cycle needs a third writer to commit a new
 * identity between their two locking steps (one batch finds it stored, the other
 * absent), and the deadlock that follows rolls one batch back whole, which
 * {@code RecordTable.withRetry} runs again with a new nonce. A batch of new
 * identities costs two statements and the commit (lock read, insert); a batch of stored
 * identities two and the commit (lock read, upsert); a batch whose every item is stale
 * or unchanged, as in a resync, one read and the commit.
 *
 * @param <R> JobRecord or PodRecord
 * @param <K> JobKey or PodKey
 */
final class BatchUpsert<R, K> {
    /** Upper bound of one multi-row insert, in bytes of values. */
    static final long STATEMENT_BYTES = 2L * 1024 * 1024;
    /** SQLState of a transaction the server could not serialise; withRetry runs it again. */
    private static final String SERIALIZATION_FAILURE = "40001";

    private final RecordTable<R, K> table;
    private final String upsertBatch;
    private final String insertPrefix;
    private final String rowPlaceholders;
    private final Comparator<K> keyOrder;

    /**
     * @param table the table's columns and rules
     * @param upsertBatch the version-guarded multi-row upsert of the table
     */
    BatchUpsert(RecordTable<R, K> table, String upsertBatch) {
        this.table = table;
        this.upsertBatch = upsertBatch;
        List<String> columns = table.insertColumns();
        this.insertPrefix = "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") VALUES ";
        this.rowPlaceholders = "(" + RecordTable.placeholders(columns.size()) + ")";
        this.keyOrder = Comparator.comparing((K k) -> table.uid(k)).thenComparing(table::region);
    }

    /**
     * Writes the batch on a connection whose transaction the caller commits.
     *
     * @param c a connection with autocommit off
     * @param rows validated records, in input order, not empty
     * @return the outcome of each record, in input order
     */
    List<WriteOutcome> write(Connection c, List<R> rows) throws SQLException {
        Set<K> keys = new LinkedHashSet<>();
        for (R row : rows) {
            keys.add(table.key(row));
        }
        Instant now = RecordTable.nowSeconds();
        Map<K, R> stored = new HashMap<>();
        readLocked(c, keys).forEach((k, s) -> stored.put(k, s.row()));
        Set<K> insertedHere = new HashSet<>();
        List<K> absent = keys.stream().filter(k -> !stored.containsKey(k)).sorted(keyOrder).toList();
        if (!absent.isEmpty()) {
            long batchNonce = RecordTable.nonce();
            Map<K, R> fresh = finalRowsFromNothing(rows, new HashSet<>(absent), now);
            if (insertIfAbsent(c, absent, fresh, batchNonce) == absent.size()) {
                // each row counts 1 when inserted, 0 when it existed: all counted means all inserted here
                insertedHere.addAll(absent);
            } else {
                Map<K, Locked<R>> relocked = readLocked(c, absent);
                for (K key : absent) {
                    Locked<R> row = relocked.get(key);
                    if (row == null) {
                        // our insert met a row of this identity that the locking read no longer finds (seen under
                        // 8 racing batches since the lock read goes through the identity index): nothing of this
                        // transaction is committed, so it is rolled back and run again, as after a deadlock
                        throw new SQLException("row of " + table.what() + " " + key + " vanished while locked; the batch"
                                + " is run again", SERIALIZATION_FAILURE);
                    }
                    if (row.nonce() == batchNonce) {
                        insertedHere.add(key);
                    } else {
                        stored.put(key, row.row()); // committed by someone else since the first read
                    }
                }
            }
        }
        // input order: identities inserted here start from "no row" (their stored row is the result)
        List<WriteOutcome> outcomes = new ArrayList<>(rows.size());
        Map<K, R> current = new HashMap<>(stored);
        Map<K, R> changed = new HashMap<>();
        for (R row : rows) {
            K key = table.key(row);
            RowRules.Applied<R> applied = table.apply(current.get(key), row, now);
            outcomes.add(applied.outcome());
            if (applied.outcome().changedRow()) {
                current.put(key, applied.row());
                if (!insertedHere.contains(key)) {
                    changed.put(key, applied.row());
                }
            }
        }
        if (!changed.isEmpty()) {
            List<K> order = new ArrayList<>(changed.keySet());
            order.sort(keyOrder);
            try (PreparedStatement ps = c.prepareStatement(upsertBatch)) {
                for (K key : order) {
                    ps.setLong(table.bindRecord(ps, 1, changed.get(key)), RecordTable.nonce());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return outcomes;
    }

    /**
     * Inserts the rows of identities found absent, tagged with the batch's nonce, with
     * multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE id = id} statements of at most
     * {@value #STATEMENT_BYTES} bytes (far below any server's max_allowed_packet default).
     * Built here rather than by the driver's batch rewriting, because only a statement of
     * our own reports its affected-row count (the driver answers SUCCESS_NO_INFO per row).
     *
     * @return rows inserted: with useAffectedRows, 1 per inserted row, 0 per row that existed
     */
    private int insertIfAbsent(Connection c, List<K> absent, Map<K, R> fresh, long batchNonce) throws SQLException {
        int inserted = 0;
        int from = 0;
        while (from < absent.size()) {
            int to = from;
            long bytes = 0;
            do {
                bytes += table.statementBytes(fresh.get(absent.get(to)));
                to++;
            } while (to < absent.size() && bytes + table.statementBytes(fresh.get(absent.get(to))) <= STATEMENT_BYTES);
            List<K> chunk = absent.subList(from, to);
            try (PreparedStatement ps = c.prepareStatement(insertPrefix + String.join(", ",
                    Collections.nCopies(chunk.size(), rowPlaceholders)) + " ON DUPLICATE KEY UPDATE id = id")) {
                int at = 1;
                for (K key : chunk) {
                    int nonceAt = table.bindRecord(ps, at, fresh.get(key));
                    ps.setLong(nonceAt, batchNonce);
                    at = nonceAt + 1;
                }
                inserted += ps.executeUpdate();
            }
            from = to;
        }
        return inserted;
    }

    /** The final row of each of these identities when the batch's items are applied to no row. */
    private Map<K, R> finalRowsFromNothing(List<R> rows, Set<K> only, Instant now) {
        Map<K, R> current = new HashMap<>();
        for (R row : rows) {
            K key = table.key(row);
            if (only.contains(key)) {
                RowRules.Applied<R> applied = table.apply(current.get(key), row, now);
                if (applied.outcome().changedRow()) {
                    current.put(key, applied.row());
                }
            }
        }
        return current;
    }

    /** Reads and locks the stored rows of these identities (UIDs sorted), with their write nonce. */
    private Map<K, Locked<R>> readLocked(Connection c, Collection<K> keys) throws SQLException {
        Set<K> wanted = new HashSet<>(keys);
        Set<String> uids = new TreeSet<>();
        for (K key : keys) {
            uids.add(table.uid(key));
        }
        Map<K, Locked<R>> found = new HashMap<>();
        for (List<String> chunk : RecordTable.chunks(new ArrayList<>(uids))) {
            String sql = table.lockByUids(table.selectColumns() + ", write_nonce", chunk.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlWhere.bind(ps, chunk, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        R row = table.map(rs);
                        K key = table.key(row);
                        if (wanted.contains(key)) {
                            found.put(key, new Locked<>(row, rs.getLong("write_nonce")));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A stored row and the nonce of the write that last changed it. */
    private record Locked<R>(R row, long nonce) {
    }
}
