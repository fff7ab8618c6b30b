package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the job table and the pod table do alike: the guarded upsert and its outcome
 * (W1..W8, B1), removal, deletion and reconcile (D1..D3), purge's batching (D4),
 * keyset pages (Q3) and counting. A subclass says which table and columns it has,
 * how a record binds and reads, and how its listing is ordered; it MUST keep its
 * insert column list next to the binding that fills it, in the same order.
 *
 * @param <K> JobKey or PodKey
 * @param <R> JobRecord or PodRecord
 */
abstract class SqliteTable<K, R> {
    static final int PURGE_BATCH = 500;

    final GuardedConnection connection;
    final RecordValidator validator;
    private final FieldLimits limits;
    private final String table;
    private final String idColumn;
    private final String what;
    private final String columns;
    private final String upsert;
    private final String markRemoved;

    /**
     * @param table job_info or pod_info
     * @param idColumn the Kubernetes UID column, job_id or pod_id
     * @param what "job" or "pod", for operation names and messages
     * @param columns the select list: id and every record column
     * @param upsert the table's guarded upsert, from {@link GuardedUpsert}
     */
    SqliteTable(GuardedConnection connection, FieldLimits limits, String table, String idColumn, String what,
            String columns, String upsert) {
        this.connection = connection;
        this.validator = new RecordValidator(limits);
        this.limits = limits;
        this.table = table;
        this.idColumn = idColumn;
        this.what = what;
        this.columns = columns;
        this.upsert = upsert;
        // every SET expression reads the row as it was before the UPDATE, so their order does not matter
        this.markRemoved = """
                UPDATE %s SET
                  is_in_etcd   = 0,
                  gmt_finished = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN COALESCE(gmt_finished, ?) ELSE ? END,
                  gmt_modified = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN gmt_modified ELSE ? END,
                  status       = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN status ELSE 'Stopped' END,
                  revision     = revision + 1
                """.formatted(table);
    }

    // ---- what a subclass says about its table ----

    /** Validates one record (V1..V3); RecordValidator's check is overloaded per record type. */
    abstract void check(R row);

    /** Binds every parameter of the upsert; {@code now} is gmt_modified of a status change without one. */
    abstract void bindUpsert(PreparedStatement upsert, R row, Instant now) throws SQLException;

    /** @return the record of the current row */
    abstract R read(ResultSet rs) throws SQLException;

    /** @return the identity of a record */
    abstract K key(R row);

    /** @return the region of an identity */
    abstract String region(K key);

    /** @return the UID of an identity */
    abstract String uid(K key);

    /** @return the version of a record */
    abstract ResourceVersion version(R row);

    /** @return the listing's ORDER BY list, ending in the unique tie-breaker id */
    abstract String listOrder();

    /** @return how many parts a page token's position has */
    abstract int positionParts();

    /** Adds the keyset condition "after this position" to a listing's filters. */
    abstract void addAfter(SqlConditions where, List<String> position);

    /** @return the sort key of the current row, as a page token stores it */
    abstract List<String> position(ResultSet rs, R row) throws SQLException;

    /** Deletes one identity's row (a job: with its pods), inside the caller's transaction. */
    abstract void deleteRows(Connection c, String region, String uid) throws SQLException;

    /** Hard-deletes at most {@link #PURGE_BATCH} removed rows finished before the time; @return how many. */
    abstract int purgeBatch(Connection c, Instant finishedBefore) throws SQLException;

    // ---- writes ----

    public WriteOutcome save(R row) {
        connection.ensureOpen();
        check(row);
        return connection.write("save " + what, c -> {
            try (PreparedStatement statement = c.prepareStatement(upsert)) {
                return upsert(c, statement, row, Instant.now());
            }
        });
    }

    public List<WriteOutcome> saveAll(List<R> rows) {
        connection.ensureOpen();
        validator.checkAll(rows, what + "s");
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return connection.write("save " + what + "s", c -> {
            List<WriteOutcome> outcomes = new ArrayList<>(rows.size());
            // one prepared statement for the whole batch: SQLite compiles the upsert once
            try (PreparedStatement statement = c.prepareStatement(upsert)) {
                for (R row : rows) {
                    outcomes.add(upsert(c, statement, row, now));
                }
            }
            return outcomes;
        });
    }

    private WriteOutcome upsert(Connection c, PreparedStatement statement, R row, Instant now) throws SQLException {
        bindUpsert(statement, row, now);
        try (ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1) == 1 ? WriteOutcome.INSERTED : WriteOutcome.UPDATED;
            }
        }
        K key = key(row);
        return StoredRow.find(c, table, idColumn, region(key), uid(key))
                .orElseThrow(() -> new IllegalStateException(what + " " + key + " vanished inside a transaction"))
                .outcomeOfRefusedSave(version(row));
    }

    public WriteOutcome markRemoved(K key, Instant removedAt) {
        SpiArguments.required("key", key);
        SpiArguments.removalTime(limits, removedAt);
        return connection.write("mark " + what + " removed", c -> {
            try (PreparedStatement update = c.prepareStatement(markRemoved
                    + " WHERE deploy_region = ? AND " + idColumn + " = ? AND is_in_etcd = 1")) {
                bindRemovedAt(update, removedAt);
                update.setString(4, region(key));
                update.setString(5, uid(key));
                if (update.executeUpdate() == 1) {
                    return WriteOutcome.UPDATED;
                }
            }
            return StoredRow.find(c, table, idColumn, region(key), uid(key)).isPresent()
                    ? WriteOutcome.UNCHANGED : WriteOutcome.NOT_FOUND;
        });
    }

    private static void bindRemovedAt(PreparedStatement update, Instant removedAt) throws SQLException {
        for (int i = 1; i <= 3; i++) {
            UtcSeconds.bind(update, i, removedAt);
        }
    }

    public boolean delete(K key) {
        SpiArguments.required("key", key);
        return connection.write("delete " + what, c -> {
            Optional<StoredRow> row = StoredRow.find(c, table, idColumn, region(key), uid(key));
            if (row.isEmpty()) {
                return false;
            }
            if (row.get().inEtcd()) {
                throw new StillInEtcdException(what + " " + key);
            }
            deleteRows(c, region(key), uid(key));
            return true;
        });
    }

    /** @return the conditions of a reconcile's candidates: the region's rows still in etcd */
    SqlConditions stillInEtcd(String region) {
        return new SqlConditions().add("deploy_region = ?", region == null ? "" : region).add("is_in_etcd = 1");
    }

    /**
     * Marks removed, as markRemoved does, every candidate whose UID is not live (D3).
     *
     * @param liveName the parameter's name, for the message when the live set is null
     */
    int reconcileWhere(SqlConditions candidates, String liveName, Set<String> liveIds, Instant removedAt) {
        connection.ensureOpen();
        if (liveIds == null) {
            throw new InvalidRecordException(liveName, "must not be null; pass an empty set when no " + what + " is live");
        }
        SpiArguments.removalTime(limits, removedAt);
        return connection.write("reconcile " + what + "s", c -> {
            // the live set may hold many thousand UIDs: compare in Java instead of a giant NOT IN (...)
            List<Long> gone = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, " + idColumn + " FROM " + table + candidates.where())) {
                candidates.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (!liveIds.contains(rs.getString(2))) {
                            gone.add(rs.getLong(1));
                        }
                    }
                }
            }
            int marked = 0;
            try (PreparedStatement update = c.prepareStatement(markRemoved + " WHERE id = ? AND is_in_etcd = 1")) {
                for (long id : gone) {
                    bindRemovedAt(update, removedAt);
                    update.setLong(4, id);
                    marked += update.executeUpdate();
                }
            }
            return marked;
        });
    }

    public int purge(Instant finishedBefore) {
        SpiArguments.required("finishedBefore", finishedBefore);
        int total = 0;
        int batch;
        do {
            // one transaction per batch keeps the write lock short for other processes sharing the file
            batch = connection.write("purge " + what + "s", c -> purgeBatch(c, finishedBefore));
            total += batch;
        } while (batch == PURGE_BATCH);
        return total;
    }

    // ---- reads ----

    public Optional<R> get(K key) {
        SpiArguments.required("key", key);
        return connection.read("get " + what, c -> first(c,
                new SqlConditions().add("deploy_region = ?", region(key)).add(idColumn + " = ?", uid(key)), ""));
    }

    /** @return the newest row (gmtCreated, then id) that meets the conditions (Q1) */
    Optional<R> findLatestWhere(SqlConditions where) {
        return connection.read("find latest " + what, c -> first(c, where,
                " ORDER BY gmt_created DESC, id DESC LIMIT 1"));
    }

    private Optional<R> first(Connection c, SqlConditions where, String tail) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM " + table + where.where() + tail)) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * One keyset page (Q3): pageSize + 1 rows are fetched, the extra one only says that
     * another page exists; the token holds the last returned row's sort key.
     */
    Page<R> page(SqlConditions where, String fingerprint, Optional<String> pageToken, int size) {
        connection.ensureOpen();
        pageToken.ifPresent(token -> addAfter(where, PageCursor.decode(token, fingerprint, positionParts())));
        return connection.read("list " + what + "s", c -> {
            List<R> items = new ArrayList<>(size);
            List<String> last = List.of();
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM " + table + where.where()
                    + " ORDER BY " + listOrder() + " LIMIT ?")) {
                select.setInt(where.bind(select, 1), size + 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            more = true;
                            break;
                        }
                        R row = read(rs);
                        items.add(row);
                        last = position(rs, row);
                    }
                }
            }
            return new Page<>(items, more ? PageCursor.encode(fingerprint, last) : null);
        });
    }

    long countWhere(SqlConditions where) {
        return connection.read("count " + what + "s", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table + where.where())) {
                where.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** @return a numeric part of a page token's position */
    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidPageTokenException("is not a token of this listing (bad position)");
        }
    }
}
