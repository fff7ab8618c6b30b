package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.spi.PodPersist;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pod half of the SQLite store: the same write rules as the job half, and the
 * Q4 order (replica type, replica index, gmt_created, id), keyset-paginated with a
 * row-value comparison on exactly those four columns.
 */
final class SqlitePodPersist implements PodPersist {
    static final int PURGE_BATCH = 500;

    private static final String COLUMNS = "id, deploy_region, pod_id, name, namespace, version, status, image, job_id,"
            + " replica_type, replica_index, resources, host_ip, pod_ip, remark, is_in_etcd, gmt_created, gmt_modified,"
            + " gmt_started, gmt_finished";

    /** Null and empty replica types sort together, first (Q4). */
    private static final String ORDER_KEY = "COALESCE(replica_type, ''), replica_index, gmt_created, id";

    private static final String UPSERT = """
            INSERT INTO pod_info (deploy_region, pod_id, name, namespace, version, status, image, job_id, replica_type,
                                  replica_index, resources, host_ip, pod_ip, remark, is_in_etcd, gmt_created,
                                  gmt_modified, gmt_started, gmt_finished, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (deploy_region, pod_id) DO UPDATE SET
              version      = excluded.version,
              status       = excluded.status,
              image        = excluded.image,
              replica_type = excluded.replica_type,
              resources    = excluded.resources,
              host_ip      = excluded.host_ip,
              pod_ip       = excluded.pod_ip,
              remark       = excluded.remark,
              is_in_etcd   = excluded.is_in_etcd,
              gmt_modified = CASE WHEN excluded.status = pod_info.status THEN pod_info.gmt_modified ELSE ? END,
              gmt_started  = COALESCE(excluded.gmt_started, pod_info.gmt_started),
              gmt_finished = COALESCE(excluded.gmt_finished, pod_info.gmt_finished),
              revision     = pod_info.revision + 1
            WHERE pod_info.is_in_etcd = 1 AND %s
            RETURNING revision""".formatted(StoredRow.newerVersionGuard("pod_info"));

    private static final String MARK_REMOVED = """
            UPDATE pod_info SET
              is_in_etcd   = 0,
              gmt_finished = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN COALESCE(gmt_finished, ?) ELSE ? END,
              gmt_modified = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN gmt_modified ELSE ? END,
              status       = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN status ELSE 'Stopped' END,
              revision     = revision + 1
            """;

    private final GuardedConnection connection;
    private final RecordValidator validator;

    SqlitePodPersist(GuardedConnection connection, FieldLimits limits) {
        this.connection = connection;
        this.validator = new RecordValidator(limits);
    }

    @Override
    public WriteOutcome save(PodRecord pod) {
        connection.ensureOpen();
        validator.check(pod);
        return connection.write("save pod", c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                return upsert(c, upsert, pod, Instant.now());
            }
        });
    }

    @Override
    public List<WriteOutcome> saveAll(List<PodRecord> pods) {
        connection.ensureOpen();
        validator.checkAll(pods, "pods");
        if (pods.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return connection.write("save pods", c -> {
            List<WriteOutcome> outcomes = new ArrayList<>(pods.size());
            // one prepared statement for the whole batch: SQLite compiles the upsert once
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (PodRecord pod : pods) {
                    outcomes.add(upsert(c, upsert, pod, now));
                }
            }
            return outcomes;
        });
    }

    private static WriteOutcome upsert(Connection c, PreparedStatement upsert, PodRecord pod,
            Instant now) throws SQLException {
        upsert.setString(1, pod.region());
        upsert.setString(2, pod.podId());
        upsert.setString(3, pod.name());
        upsert.setString(4, pod.namespace());
        upsert.setString(5, pod.version().value());
        upsert.setString(6, pod.status().value());
        upsert.setString(7, pod.image());
        upsert.setString(8, pod.jobId());
        upsert.setString(9, pod.replicaType());
        upsert.setInt(10, pod.replicaIndex());
        upsert.setString(11, pod.resources());
        upsert.setString(12, pod.hostIp());
        upsert.setString(13, pod.podIp());
        upsert.setString(14, pod.remark());
        upsert.setInt(15, pod.inEtcd() ? 1 : 0);
        UtcSeconds.bind(upsert, 16, pod.gmtCreated());
        UtcSeconds.bind(upsert, 17, pod.gmtModified() != null ? pod.gmtModified() : pod.gmtCreated());
        UtcSeconds.bind(upsert, 18, pod.gmtStarted());
        UtcSeconds.bind(upsert, 19, pod.gmtFinished());
        UtcSeconds.bind(upsert, 20, pod.gmtModified() != null ? pod.gmtModified() : now);
        try (ResultSet rs = upsert.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1) == 1 ? WriteOutcome.INSERTED : WriteOutcome.UPDATED;
            }
        }
        return StoredRow.find(c, "pod_info", "pod_id", pod.region(), pod.podId())
                .orElseThrow(() -> new IllegalStateException("pod " + pod.key() + " vanished inside a transaction"))
                .outcomeOfRefusedSave(pod.version());
    }

    @Override
    public Optional<PodRecord> get(PodKey key) {
        Objects.requireNonNull(key, "key");
        return connection.read("get pod", c -> first(c,
                new SqlConditions().add("deploy_region = ?", key.region()).add("pod_id = ?", key.podId()), ""));
    }

    @Override
    public Optional<PodRecord> findLatest(String namespace, String name) {
        return connection.read("find latest pod", c -> first(c,
                new SqlConditions().add("namespace = ?", namespace).add("name = ?", name),
                " ORDER BY gmt_created DESC, id DESC LIMIT 1"));
    }

    private static Optional<PodRecord> first(Connection c, SqlConditions where, String tail) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM pod_info" + where.where() + tail)) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<PodRecord> list(PodQuery query) {
        Objects.requireNonNull(query, "query");
        connection.ensureOpen();
        SqlConditions where = filters(query);
        String fingerprint = query.filterFingerprint();
        query.pageToken().ifPresent(token -> {
            List<String> after = PageCursor.decode(token, fingerprint, 4);
            where.add("(" + ORDER_KEY + ") > (?, ?, ?, ?)",
                    after.get(0), number(after.get(1)), number(after.get(2)), number(after.get(3)));
        });
        int size = query.pageSize();
        return connection.read("list pods", c -> {
            List<PodRecord> items = new ArrayList<>(size);
            List<String> last = List.of();
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM pod_info" + where.where()
                    + " ORDER BY " + ORDER_KEY + " LIMIT ?")) {
                select.setInt(where.bind(select, 1), size + 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            more = true;
                            break;
                        }
                        PodRecord pod = read(rs);
                        items.add(pod);
                        last = List.of(pod.replicaType() == null ? "" : pod.replicaType(),
                                Long.toString(rs.getLong("replica_index")), Long.toString(rs.getLong("gmt_created")),
                                Long.toString(rs.getLong("id")));
                    }
                }
            }
            return new Page<>(items, more ? PageCursor.encode(fingerprint, last) : null);
        });
    }

    @Override
    public long count(PodQuery query) {
        Objects.requireNonNull(query, "query");
        SqlConditions where = filters(query);
        return connection.read("count pods", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM pod_info" + where.where())) {
                where.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static SqlConditions filters(PodQuery query) {
        return new SqlConditions()
                .equal("job_id", query.jobId())
                .equal("namespace", query.namespace())
                .equal("name", query.name())
                .equal("replica_type", query.replicaType())
                .in("status", query.statuses().stream().map(PodStatus::value).sorted().toList())
                .equal("deploy_region", query.region())
                .equal("is_in_etcd", query.inEtcd());
    }

    @Override
    public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(removedAt, "removedAt");
        return connection.write("mark pod removed", c -> {
            try (PreparedStatement update = c.prepareStatement(MARK_REMOVED
                    + " WHERE deploy_region = ? AND pod_id = ? AND is_in_etcd = 1")) {
                bindRemovedAt(update, removedAt);
                update.setString(4, key.region());
                update.setString(5, key.podId());
                if (update.executeUpdate() == 1) {
                    return WriteOutcome.UPDATED;
                }
            }
            return StoredRow.find(c, "pod_info", "pod_id", key.region(), key.podId()).isPresent()
                    ? WriteOutcome.UNCHANGED : WriteOutcome.NOT_FOUND;
        });
    }

    private static void bindRemovedAt(PreparedStatement update, Instant removedAt) throws SQLException {
        for (int i = 1; i <= 3; i++) {
            UtcSeconds.bind(update, i, removedAt);
        }
    }

    @Override
    public boolean delete(PodKey key) {
        Objects.requireNonNull(key, "key");
        return connection.write("delete pod", c -> {
            Optional<StoredRow> row = StoredRow.find(c, "pod_info", "pod_id", key.region(), key.podId());
            if (row.isEmpty()) {
                return false;
            }
            if (row.get().inEtcd()) {
                throw new StillInEtcdException("pod " + key);
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pod_info WHERE deploy_region = ? AND pod_id = ?")) {
                delete.setString(1, key.region());
                delete.setString(2, key.podId());
                delete.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
        connection.ensureOpen();
        if (livePodIds == null) {
            throw new InvalidRecordException("livePodIds", "must not be null; pass an empty set when no pod is live");
        }
        Objects.requireNonNull(removedAt, "removedAt");
        String inRegion = region == null ? "" : region;
        return connection.write("reconcile pods", c -> {
            List<Long> gone = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, pod_id FROM pod_info WHERE deploy_region = ? AND is_in_etcd = 1")) {
                select.setString(1, inRegion);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (!livePodIds.contains(rs.getString(2))) {
                            gone.add(rs.getLong(1));
                        }
                    }
                }
            }
            int marked = 0;
            try (PreparedStatement update = c.prepareStatement(MARK_REMOVED + " WHERE id = ? AND is_in_etcd = 1")) {
                for (long id : gone) {
                    bindRemovedAt(update, removedAt);
                    update.setLong(4, id);
                    marked += update.executeUpdate();
                }
            }
            return marked;
        });
    }

    @Override
    public int purge(Instant finishedBefore) {
        Objects.requireNonNull(finishedBefore, "finishedBefore");
        int total = 0;
        int batch;
        do {
            batch = connection.write("purge pods", c -> {
                // a subquery with LIMIT bounds the batch; SQLite's DELETE ... LIMIT is a compile-time option
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM pod_info WHERE id IN (SELECT id FROM pod_info"
                        + " WHERE is_in_etcd = 0 AND gmt_finished < ? ORDER BY id LIMIT " + PURGE_BATCH + ")")) {
                    delete.setLong(1, finishedBefore.getEpochSecond());
                    return delete.executeUpdate();
                }
            });
            total += batch;
        } while (batch == PURGE_BATCH);
        return total;
    }

    private static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidPageTokenException("is not a token of this listing (bad position)");
        }
    }

    private static PodRecord read(ResultSet rs) throws SQLException {
        return new PodRecord(rs.getString("deploy_region"), rs.getString("pod_id"), rs.getString("name"),
                rs.getString("namespace"), new ResourceVersion(rs.getString("version")),
                PodStatus.of(rs.getString("status")), rs.getString("image"), rs.getString("job_id"),
                rs.getString("replica_type"), rs.getString("resources"), rs.getString("host_ip"),
                rs.getString("pod_ip"), rs.getInt("is_in_etcd") == 1, rs.getString("remark"),
                UtcSeconds.read(rs, "gmt_created"), UtcSeconds.read(rs, "gmt_modified"),
                UtcSeconds.read(rs, "gmt_started"), UtcSeconds.read(rs, "gmt_finished"));
    }
}
