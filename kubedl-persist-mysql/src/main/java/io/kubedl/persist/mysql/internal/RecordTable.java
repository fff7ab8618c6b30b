package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.RecordValidator;
import io.kubedl.persist.spi.RowRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the job table and the pod table do alike: the guarded upsert (W1..W8), batches
 * with exact per-item outcomes (B1), removal, deletion, reconcile and purge
 * (D1..D4). Subclasses say which columns a record has and how they bind and read.
 *
 * @param <R> JobRecord or PodRecord
 * @param <K> JobKey or PodKey
 */
abstract class RecordTable<R, K> {
    /** Statuses of finished objects; the columns are utf8mb4_bin, so this matches isFinished() exactly. */
    private static final String FINISHED = "status IN ('Succeeded', 'Failed', 'Stopped')";
    private static final int IN_CHUNK = 500;
    private static final int DEADLOCK_ATTEMPTS = 5;

    final DataSource dataSource;
    private final IdleConnectionEviction idleEviction;
    final StoreLifecycle lifecycle;
    final SqlErrors errors;
    private final int purgeBatchSize;
    private final String upsertOne;
    private final String upsertBatch;
    private final String markRemovedSet;
    private final BatchUpsert<R, K> batchUpsert;

    RecordTable(DataSource dataSource, IdleConnectionEviction idleEviction, StoreLifecycle lifecycle, SqlErrors errors,
            int purgeBatchSize) {
        this.dataSource = dataSource;
        this.idleEviction = idleEviction;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.purgeBatchSize = purgeBatchSize;
        this.upsertOne = UpsertSql.build(table(), insertColumns(), replacedColumns(), coalescedColumns(),
                firstValueColumns(), true);
        this.upsertBatch = UpsertSql.build(table(), insertColumns(), replacedColumns(), coalescedColumns(),
                firstValueColumns(), false);
        // gmt_modified and gmt_finished read status, so they are assigned before it
        this.markRemovedSet = "UPDATE " + table() + " SET gmt_modified = IF(" + FINISHED + ", gmt_modified, ?),"
                + " gmt_finished = IF(" + FINISHED + ", COALESCE(gmt_finished, ?), ?),"
                + " status = IF(" + FINISHED + ", status, 'Stopped'), is_in_etcd = 0";
        this.batchUpsert = new BatchUpsert<>(this, upsertBatch);
    }

    // ---- what a subclass says about its table ----

    /** @return table name */
    abstract String table();
    /** @return the Kubernetes UID column, job_id or pod_id */
    abstract String idColumn();
    /** @return "job" or "pod", for messages */
    abstract String what();
    /** @return columns written on insert, in binding order, write_nonce last */
    abstract List<String> insertColumns();
    /** @return columns a newer version replaces, besides status, is_in_etcd and version */
    abstract List<String> replacedColumns();
    /** @return timestamp columns a newer version fills but never erases: COALESCE(new, stored) */
    abstract List<String> coalescedColumns();
    /** @return timestamp columns set once: a newer version fills them only while empty, COALESCE(stored, new) */
    List<String> firstValueColumns() {
        return List.of();
    }
    /** @return the select list: id and every record column */
    abstract String selectColumns();
    /** Binds every insert column but the nonce from parameter {@code at} on; returns the index of the nonce. */
    abstract int bindRecord(PreparedStatement ps, int at, R row) throws SQLException;
    /** @return about how many bytes the row's values take in a statement (utf8mb4: up to 4 per char) */
    abstract long statementBytes(R row);
    /** @return the record of the current row */
    abstract R map(ResultSet rs) throws SQLException;
    /** @return the identity of a record */
    abstract K key(R row);
    /** @return the UID of an identity */
    abstract String uid(K key);
    /** @return the region of an identity */
    abstract String region(K key);
    /** @return the identity of a UID in a region */
    abstract K keyOf(String uid, String region);
    /** @return the contract's write rules applied in memory (used for batches) */
    abstract RowRules.Applied<R> apply(R stored, R incoming, Instant now);
    /** @return the record, validated (V1..V3) */
    abstract R check(R row);
    /** @return the records, all validated before any is written */
    abstract List<R> checkAll(List<R> rows);
    /** @return the validator of the store's limits, also for the arguments of the other methods (V1, V2) */
    abstract RecordValidator validator();
    /** @return e.g. "job default/mnist (uid)" */
    abstract String describe(R row);
    /** @return the version of a record */
    abstract String version(R row);
    /** @return the gmtModified of a record, may be null */
    abstract Instant gmtModified(R row);

    /** Deletes what belongs to these rows in other tables (a job's pods); nothing by default. */
    void deleteDependents(Connection c, String region, Collection<String> uids) throws SQLException {
    }

    // ---- writes ----

    WriteOutcome save(R row) {
        lifecycle.ensureOpen();
        check(row);
        return withRetry(() -> "save " + describe(row), () -> {
            try (Connection c = dataSource.getConnection()) {
                int affected;
                try (PreparedStatement ps = c.prepareStatement(upsertOne)) {
                    int i = bindRecord(ps, 1, row);
                    ps.setLong(i, nonce());
                    UtcTimes.bind(ps, i + 1, gmtModified(row) != null ? gmtModified(row) : nowSeconds());
                    affected = ps.executeUpdate();
                }
                if (affected == 1) {
                    return WriteOutcome.INSERTED;
                }
                if (affected == 2) {
                    return WriteOutcome.UPDATED;
                }
                return classifyUntouched(c, row);
            }
        });
    }

    /**
     * The upsert left the row alone: either the row holds this very version (UNCHANGED)
     * or a newer one, or it was removed from etcd (STALE). One extra read, only on this
     * path; exact for sequential callers, best effort under concurrency.
     */
    private WriteOutcome classifyUntouched(Connection c, R row) throws SQLException {
        K key = key(row);
        SqlWhere where = identity(key);
        try (PreparedStatement ps = c.prepareStatement("SELECT version, is_in_etcd FROM " + table() + where.sql())) {
            SqlWhere.bind(ps, where.params(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt("is_in_etcd") == 1 && rs.getString("version").equals(version(row))) {
                    return WriteOutcome.UNCHANGED;
                }
                return WriteOutcome.STALE;
            }
        }
    }

    /**
     * Saves a batch as the saves one by one would (B1), in one transaction, with exact
     * per-item outcomes also under concurrency: see {@link BatchUpsert}.
     */
    List<WriteOutcome> saveAll(List<R> rows) {
        lifecycle.ensureOpen();
        checkAll(rows);
        if (rows.isEmpty()) {
            return List.of();
        }
        return withRetry(() -> "saveAll of " + rows.size() + " " + what() + "s", () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<WriteOutcome> outcomes = batchUpsert.write(c, rows);
                    c.commit();
                    return outcomes;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            }
        });
    }

    /**
     * The row of one identity, compared exactly: the collation pads with spaces, and a
     * key of {@code 'abc '} (which V1 never lets into the table) must not find {@code 'abc'}.
     */
    SqlWhere identity(K key) {
        return new SqlWhere().exact(idColumn(), uid(key)).exact("deploy_region", region(key));
    }

    WriteOutcome markRemoved(K key, Instant removedAt) {
        lifecycle.ensureOpen();
        validator().argument("key", key);
        Instant at = validator().instant("removedAt", removedAt);
        return withRetry(() -> "markRemoved " + what() + " " + key, () -> {
            try (Connection c = dataSource.getConnection()) {
                SqlWhere where = identity(key).add("is_in_etcd = 1");
                try (PreparedStatement ps = c.prepareStatement(markRemovedSet + where.sql())) {
                    bindRemoval(ps, at);
                    SqlWhere.bind(ps, where.params(), 4);
                    if (ps.executeUpdate() > 0) {
                        return WriteOutcome.UPDATED;
                    }
                }
                return markRemovedLocked(c, key, at);
            }
        });
    }

    /**
     * The one-statement path matched nothing: either there is no row, or it is already
     * removed, or a concurrent save inserted it just after that statement looked (issue 12
     * item 1: a plain existence read then answered UNCHANGED for a row still in etcd, and
     * the controller never retried). Deciding under the row's lock makes D1 exact: the row
     * is found removed (UNCHANGED), in etcd (marked now: UPDATED) or absent (NOT_FOUND).
     */
    private WriteOutcome markRemovedLocked(Connection c, K key, Instant at) throws SQLException {
        c.setAutoCommit(false);
        try {
            SqlWhere where = identity(key);
            long id;
            int inEtcd;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, is_in_etcd FROM " + table() + where.sql() + " FOR UPDATE")) {
                SqlWhere.bind(ps, where.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        return WriteOutcome.NOT_FOUND;
                    }
                    id = rs.getLong(1);
                    inEtcd = rs.getInt(2);
                }
            }
            if (inEtcd == 1) {
                try (PreparedStatement ps = c.prepareStatement(markRemovedSet + " WHERE id = ? AND is_in_etcd = 1")) {
                    bindRemoval(ps, at);
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
            }
            c.commit();
            return inEtcd == 1 ? WriteOutcome.UPDATED : WriteOutcome.UNCHANGED;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    /**
     * D1 for many keys, exactly as {@link #markRemoved} one by one in input order; from
     * three keys on, in one transaction of two statements per {@value #IN_CHUNK} distinct UIDs: lock the stored
     * rows ({@code SELECT ... FOR UPDATE}, UIDs sorted), then mark removed those still in
     * etcd by their ids. The rows stay locked until the commit, so the outcomes computed
     * from the locked read are the truth also under concurrent writers.
     */
    List<WriteOutcome> markRemovedAll(List<K> keys, Instant removedAt) {
        lifecycle.ensureOpen();
        if (keys == null) {
            throw new InvalidRecordException("keys", "must not be null");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null) {
                throw new InvalidRecordException("keys[" + i + "]", "must not be null");
            }
        }
        Instant at = validator().instant("removedAt", removedAt);
        if (keys.size() <= 2) {
            // the batch costs three round trips (lock, update, commit); markRemoved costs one per key when it marks
            List<WriteOutcome> outcomes = new ArrayList<>(keys.size());
            for (K key : keys) {
                outcomes.add(markRemoved(key, at));
            }
            return outcomes;
        }
        return withRetry(() -> "markRemovedAll of " + keys.size() + " " + what() + "s", () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Map<K, long[]> stored = lockIdentities(c, keys);
                    List<Long> toMark = new ArrayList<>();
                    List<WriteOutcome> outcomes = new ArrayList<>(keys.size());
                    for (K key : keys) {
                        long[] row = stored.get(key); // {id, is_in_etcd}
                        if (row == null) {
                            outcomes.add(WriteOutcome.NOT_FOUND);
                        } else if (row[1] == 1) {
                            row[1] = 0;
                            toMark.add(row[0]);
                            outcomes.add(WriteOutcome.UPDATED);
                        } else {
                            outcomes.add(WriteOutcome.UNCHANGED);
                        }
                    }
                    for (List<Long> chunk : chunks(toMark)) {
                        try (PreparedStatement ps = c.prepareStatement(markRemovedSet + " WHERE id IN ("
                                + placeholders(chunk.size()) + ") AND is_in_etcd = 1")) {
                            bindRemoval(ps, at);
                            SqlWhere.bind(ps, chunk, 4);
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                    return outcomes;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            }
        });
    }

    /**
     * Locks the stored rows of these identities (UIDs sorted, as BatchUpsert does) and
     * returns {id, is_in_etcd} of each; keys are matched in Java, so exactly (the
     * collation pads with spaces).
     */
    private Map<K, long[]> lockIdentities(Connection c, List<K> keys) throws SQLException {
        Set<K> wanted = new HashSet<>(keys);
        List<String> uids = new ArrayList<>(new TreeSet<>(keys.stream().map(this::uid).toList()));
        Map<K, long[]> found = new HashMap<>();
        for (List<String> chunk : chunks(uids)) {
            try (PreparedStatement ps = c.prepareStatement(lockByUids("id, " + idColumn() + ", deploy_region, is_in_etcd",
                    chunk.size()))) {
                SqlWhere.bind(ps, chunk, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        K key = keyOf(rs.getString(2), rs.getString(3));
                        if (wanted.contains(key)) {
                            found.put(key, new long[] {rs.getLong(1), rs.getInt(4)});
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * The locking read of the rows of n UIDs, through the identity's unique index by
     * force: for an IN list longer than {@code eq_range_index_dive_limit} (200 by default
     * on MySQL 8 and MariaDB) the optimizer estimates from statistics, and on a table of
     * a few thousand rows it chose a full scan (EXPLAIN: type ALL for 500 UIDs over 3,000
     * rows), which reads, and under READ COMMITTED briefly locks, every row of the table.
     *
     * @param columns the select list
     * @param n how many UID placeholders
     * @return {@code SELECT columns FROM table FORCE INDEX (uk_<what>_identity) WHERE uid IN (?, ...) FOR UPDATE}
     */
    String lockByUids(String columns, int n) {
        return "SELECT " + columns + " FROM " + table() + " FORCE INDEX (uk_" + what() + "_identity) WHERE "
                + idColumn() + " IN (" + placeholders(n) + ") FOR UPDATE";
    }

    private static void bindRemoval(PreparedStatement ps, Instant at) throws SQLException {
        UtcTimes.bind(ps, 1, at);
        UtcTimes.bind(ps, 2, at);
        UtcTimes.bind(ps, 3, at);
    }

    boolean delete(K key) {
        lifecycle.ensureOpen();
        validator().argument("key", key);
        return withRetry(() -> "delete " + what() + " " + key, () -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Integer inEtcd = null;
                    SqlWhere where = identity(key);
                    try (PreparedStatement ps = c.prepareStatement("SELECT is_in_etcd FROM " + table() + where.sql()
                            + " FOR UPDATE")) {
                        SqlWhere.bind(ps, where.params(), 1);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                inEtcd = rs.getInt(1);
                            }
                        }
                    }
                    if (inEtcd == null) {
                        c.rollback();
                        return false;
                    }
                    if (inEtcd == 1) {
                        c.rollback();
                        throw new StillInEtcdException(what() + " " + key);
                    }
                    deleteDependents(c, region(key), List.of(uid(key)));
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + where.sql())) {
                        SqlWhere.bind(ps, where.params(), 1);
                        ps.executeUpdate();
                    }
                    c.commit();
                    return true;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            }
        });
    }

    /**
     * D3: marks removed every row of the region (and the extra condition) that is in
     * etcd but not live. The candidates are read first and the difference is taken in
     * memory, so the live set may be of any size; each update re-checks is_in_etcd.
     */
    int reconcile(String region, String extraClause, List<?> extraParams, Set<String> liveIds, Instant removedAt,
            String liveName) {
        lifecycle.ensureOpen();
        if (liveIds == null) {
            throw new InvalidRecordException(liveName, "must not be null; pass the UIDs the api-server has now");
        }
        Instant at = validator().instant("removedAt", removedAt);
        String r = region == null ? "" : region;
        return withRetry(() -> "reconcile " + what() + "s of region '" + r + "'", () -> {
            try (Connection c = dataSource.getConnection()) {
                List<String> gone = new ArrayList<>();
                // the region exactly: "eu " must not reconcile (and remove) the rows of "eu"
                SqlWhere inRegion = new SqlWhere().exact("deploy_region", r).add("is_in_etcd = 1");
                String sql = "SELECT " + idColumn() + " FROM " + table() + inRegion.sql() + extraClause;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int next = SqlWhere.bind(ps, inRegion.params(), 1);
                    SqlWhere.bind(ps, extraParams, next);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String uid = rs.getString(1);
                            if (!liveIds.contains(uid)) {
                                gone.add(uid);
                            }
                        }
                    }
                }
                int marked = 0;
                for (List<String> chunk : chunks(gone)) {
                    try (PreparedStatement ps = c.prepareStatement(markRemovedSet + inRegion.sql() + " AND "
                            + idColumn() + " IN (" + placeholders(chunk.size()) + ")" + extraClause)) {
                        bindRemoval(ps, at);
                        int next = SqlWhere.bind(ps, inRegion.params(), 4);
                        next = SqlWhere.bind(ps, chunk, next);
                        SqlWhere.bind(ps, extraParams, next);
                        marked += ps.executeUpdate();
                    }
                }
                return marked;
            }
        });
    }

    /** D4: deletes removed rows finished before the instant, {@code purgeBatchSize} per transaction. */
    int purge(Instant finishedBefore) {
        lifecycle.ensureOpen();
        Instant before = requireTime("finishedBefore", finishedBefore);
        int total = 0;
        while (true) {
            int[] batch = withRetry(() -> "purge " + what() + "s finished before " + before, () -> purgeBatch(before));
            total += batch[1];
            if (batch[0] < purgeBatchSize) {
                return total;
            }
        }
    }

    /** @return {rows selected, rows deleted} */
    private int[] purgeBatch(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                Map<String, List<String>> uidsByRegion = new TreeMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, deploy_region, " + idColumn() + " FROM "
                        + table() + " WHERE is_in_etcd = 0 AND gmt_finished < ? ORDER BY gmt_finished, id LIMIT ? FOR UPDATE")) {
                    UtcTimes.bind(ps, 1, before);
                    ps.setInt(2, purgeBatchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            uidsByRegion.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                        }
                    }
                }
                int deleted = 0;
                if (!ids.isEmpty()) {
                    for (Map.Entry<String, List<String>> e : uidsByRegion.entrySet()) {
                        deleteDependents(c, e.getKey(), e.getValue());
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE id IN ("
                            + placeholders(ids.size()) + ") AND is_in_etcd = 0")) {
                        SqlWhere.bind(ps, ids, 1);
                        deleted = ps.executeUpdate();
                    }
                }
                c.commit();
                return new int[] {ids.size(), deleted};
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    // ---- reads ----

    Optional<R> get(K key) {
        lifecycle.ensureOpen();
        validator().argument("key", key);
        SqlWhere where = identity(key);
        List<R> rows = query("get " + what() + " " + key, "SELECT " + selectColumns() + " FROM " + table() + where.sql(),
                where.params());
        return rows.stream().findFirst();
    }

    List<R> query(String operation, String sql, List<?> params) {
        return withRetry(() -> operation, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                SqlWhere.bind(ps, params, 1);
                List<R> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Runs a query that returns rows plus their ids (for page tokens). */
    List<Map.Entry<Long, R>> queryWithIds(String operation, String sql, List<?> params) {
        return withRetry(() -> operation, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                SqlWhere.bind(ps, params, 1);
                List<Map.Entry<Long, R>> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Map.entry(rs.getLong("id"), map(rs)));
                    }
                }
                return rows;
            }
        });
    }

    long count(String operation, SqlStatement statement) {
        lifecycle.ensureOpen();
        return withRetry(() -> operation, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement.sql())) {
                SqlWhere.bind(ps, statement.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---- plumbing ----

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the work (the operation's description is built only for an error), again after
     * a deadlock (1213, 40001) or a failover error ({@link SqlErrors#isFailover}: a
     * read-only or departed node), which rolled the whole transaction back, and once more
     * on a fresh connection after a connection loss (issue 12 item 4: a pooled connection
     * killed while idle failed one caller each). Every write here is version-guarded or
     * checks the row's state in the same statement, so running it again is safe and is
     * what a caller would have to do anyway; after an ambiguous commit (the server
     * committed, the answer was lost) the second run reports what it finds: UNCHANGED,
     * false, or a count without the rows the first run changed.
     */
    <T> T withRetry(Supplier<String> operation, SqlWork<T> work) {
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!reconnected && SqlErrors.isConnectionLoss(e)) {
                    reconnected = true;
                    idleEviction.evict();
                    continue;
                }
                // a failover error (read-only or departed node): the pool evicted that connection, the next
                // attempt draws a fresh one; it waits a little longer, as a new primary takes a moment
                boolean failover = SqlErrors.isFailover(e);
                if (!(SqlErrors.isDeadlock(e) || failover) || attempt >= DEADLOCK_ATTEMPTS) {
                    throw errors.translate(operation.get(), e);
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, (failover ? 50 : 5) * attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new TransientPersistException(operation.get() + " was interrupted while retrying a deadlock", e);
                }
            }
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the server rolled back
        }
    }

    static long nonce() {
        long n;
        do {
            n = ThreadLocalRandom.current().nextLong();
        } while (n == 0); // 0 is the column default
        return n;
    }

    static Instant nowSeconds() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static Instant requireTime(String field, Instant value) {
        if (value == null) {
            throw new InvalidRecordException(field, "must not be null");
        }
        return value.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return about how many bytes these texts take in a statement: 4 per char (utf8mb4), 8 per value */
    static long textBytes(String... values) {
        long bytes = 0;
        for (String value : values) {
            bytes += 8 + (value == null ? 0 : 4L * value.length());
        }
        return bytes;
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return out;
    }
}
