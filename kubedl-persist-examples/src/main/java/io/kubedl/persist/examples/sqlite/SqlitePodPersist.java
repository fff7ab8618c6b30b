package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.PodPersist;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pod half of the SQLite store: the pod_info columns, its upsert and filters, and
 * the Q4 order (replica type, replica index, gmt_created, id), keyset-paginated with a
 * row-value comparison on exactly those four columns. The write rules are the job
 * half's, in {@link SqliteTable}.
 */
final class SqlitePodPersist extends SqliteTable<PodKey, PodRecord> implements PodPersist {

    private static final String COLUMNS = "id, deploy_region, pod_id, name, namespace, version, status, image, job_id,"
            + " replica_type, replica_index, resources, host_ip, pod_ip, remark, is_in_etcd, gmt_created, gmt_modified,"
            + " gmt_started, gmt_finished";

    /** Null and empty replica types sort together, first (Q4). */
    private static final String ORDER_KEY = "COALESCE(replica_type, ''), replica_index, gmt_created, id";

    /** Written on insert, in the order {@link #bindUpsert} binds them. */
    private static final List<String> INSERT_COLUMNS = List.of("deploy_region", "pod_id", "name", "namespace", "version",
            "status", "image", "job_id", "replica_type", "replica_index", "resources", "host_ip", "pod_ip", "remark",
            "is_in_etcd", "gmt_created", "gmt_modified", "gmt_started", "gmt_finished");

    /** name, namespace, job_id, replica_index and gmt_created are not replaced: they never change after the insert. */
    private static final String UPSERT = GuardedUpsert.sql("pod_info", "pod_id", INSERT_COLUMNS,
            List.of("image", "replica_type", "resources", "host_ip", "pod_ip", "remark"), List.of(),
            List.of("gmt_started", "gmt_finished"));

    SqlitePodPersist(GuardedConnection connection, FieldLimits limits) {
        super(connection, limits, "pod_info", "pod_id", "pod", COLUMNS, UPSERT);
    }

    @Override
    void check(PodRecord pod) {
        validator.check(pod);
    }

    @Override
    void bindUpsert(PreparedStatement upsert, PodRecord pod, Instant now) throws SQLException {
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
    }

    @Override
    PodRecord read(ResultSet rs) throws SQLException {
        return new PodRecord(rs.getString("deploy_region"), rs.getString("pod_id"), rs.getString("name"),
                rs.getString("namespace"), new ResourceVersion(rs.getString("version")),
                PodStatus.of(rs.getString("status")), rs.getString("image"), rs.getString("job_id"),
                rs.getString("replica_type"), rs.getString("resources"), rs.getString("host_ip"),
                rs.getString("pod_ip"), rs.getInt("is_in_etcd") == 1, rs.getString("remark"),
                UtcSeconds.read(rs, "gmt_created"), UtcSeconds.read(rs, "gmt_modified"),
                UtcSeconds.read(rs, "gmt_started"), UtcSeconds.read(rs, "gmt_finished"));
    }

    @Override
    PodKey key(PodRecord pod) {
        return pod.key();
    }

    @Override
    String region(PodKey key) {
        return key.region();
    }

    @Override
    String uid(PodKey key) {
        return key.podId();
    }

    @Override
    ResourceVersion version(PodRecord pod) {
        return pod.version();
    }

    @Override
    public Optional<PodRecord> findLatest(String namespace, String name) {
        return findLatestWhere(new SqlConditions().add("namespace = ?", SpiArguments.required("namespace", namespace))
                .add("name = ?", SpiArguments.required("name", name)));
    }

    @Override
    public Page<PodRecord> list(PodQuery query) {
        SpiArguments.required("query", query);
        return page(filters(query), query.filterFingerprint(), query.pageToken(), query.pageSize());
    }

    @Override
    String listOrder() {
        return ORDER_KEY;
    }

    @Override
    int positionParts() {
        return 4;
    }

    @Override
    void addAfter(SqlConditions where, List<String> position) {
        where.add("(" + ORDER_KEY + ") > (?, ?, ?, ?)",
                position.get(0), number(position.get(1)), number(position.get(2)), number(position.get(3)));
    }

    @Override
    List<String> position(ResultSet rs, PodRecord pod) throws SQLException {
        return List.of(pod.replicaType() == null ? "" : pod.replicaType(),
                Long.toString(rs.getLong("replica_index")), Long.toString(rs.getLong("gmt_created")),
                Long.toString(rs.getLong("id")));
    }

    @Override
    public long count(PodQuery query) {
        SpiArguments.required("query", query);
        return countWhere(filters(query));
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
    void deleteRows(Connection c, String region, String podId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM pod_info WHERE deploy_region = ? AND pod_id = ?")) {
            delete.setString(1, region);
            delete.setString(2, podId);
            delete.executeUpdate();
        }
    }

    @Override
    public int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
        return reconcileWhere(stillInEtcd(region), "livePodIds", livePodIds, removedAt);
    }

    @Override
    int purgeBatch(Connection c, Instant finishedBefore) throws SQLException {
        // a subquery with LIMIT bounds the batch; SQLite's DELETE ... LIMIT is a compile-time option
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM pod_info WHERE id IN (SELECT id FROM pod_info"
                + " WHERE is_in_etcd = 0 AND gmt_finished < ? ORDER BY id LIMIT " + PURGE_BATCH + ")")) {
            delete.setLong(1, finishedBefore.getEpochSecond());
            return delete.executeUpdate();
        }
    }
}
