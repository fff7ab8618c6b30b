package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.RowRules;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.spi.PodPersist;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The pods of a MySQL store, in table {@code replica_info}. Listing order (Q4):
 * replica_type ascending (NULL first, then ''), replica_index ascending (the stored
 * {@link PodRecord#replicaIndex()}, so worker-10 follows worker-9), gmt_created
 * ascending, then the auto-increment id ascending; page tokens hold all four.
 */
final class MySqlPods extends RecordTable<PodRecord, PodKey> implements PodPersist {
    private static final List<String> INSERT = List.of("name", "namespace", "pod_id", "version", "status", "image",
            "job_id", "replica_type", "replica_index", "resources", "host_ip", "pod_ip", "deploy_region", "is_in_etcd",
            "remark", "gmt_created", "gmt_modified", "gmt_started", "gmt_finished", "write_nonce");
    private static final String SELECT = "id, " + String.join(", ", INSERT.subList(0, INSERT.size() - 1));
    private static final String NULL_TYPE = "-";
    private static final String TYPE = "=";
    private final RecordValidator validator;

    MySqlPods(DataSource dataSource, IdleConnectionEviction idleEviction, StoreLifecycle lifecycle, SqlErrors errors,
            RecordValidator validator, int purgeBatchSize) {
        super(dataSource, idleEviction, lifecycle, errors, purgeBatchSize);
        this.validator = validator;
    }

    @Override String table() { return "replica_info"; }
    @Override String idColumn() { return "pod_id"; }
    @Override String what() { return "pod"; }
    @Override List<String> insertColumns() { return INSERT; }
    @Override List<String> replacedColumns() { return List.of("image", "replica_type", "resources", "host_ip", "pod_ip", "remark"); }
    @Override List<String> coalescedColumns() { return List.of("gmt_started", "gmt_finished"); }
    @Override String selectColumns() { return SELECT; }
    @Override PodKey key(PodRecord row) { return row.key(); }
    @Override String uid(PodKey key) { return key.podId(); }
    @Override String region(PodKey key) { return key.region(); }
    @Override PodKey keyOf(String uid, String region) { return new PodKey(region, uid); }
    @Override PodRecord check(PodRecord row) { return validator.check(row); }
    @Override List<PodRecord> checkAll(List<PodRecord> rows) { return validator.checkAll(rows, "pods"); }
    @Override RecordValidator validator() { return validator; }
    @Override String describe(PodRecord row) { return "pod " + row.namespace() + "/" + row.name() + " (" + row.key() + ")"; }
    @Override String version(PodRecord row) { return row.version().value(); }
    @Override Instant gmtModified(PodRecord row) { return row.gmtModified(); }

    @Override
    long statementBytes(PodRecord r) {
        // the text values, plus about 16 bytes for each of the four times and the numbers
        return textBytes(r.name(), r.namespace(), r.podId(), r.version().value(), r.status().value(), r.image(),
                r.jobId(), r.replicaType(), r.resources(), r.hostIp(), r.podIp(), r.region(), r.remark()) + 96;
    }

    @Override
    int bindRecord(PreparedStatement ps, int at, PodRecord r) throws SQLException {
        ps.setString(at, r.name());
        ps.setString(at + 1, r.namespace());
        ps.setString(at + 2, r.podId());
        ps.setString(at + 3, r.version().value());
        ps.setString(at + 4, r.status().value());
        ps.setString(at + 5, r.image());
        ps.setString(at + 6, r.jobId());
        ps.setString(at + 7, r.replicaType());
        ps.setInt(at + 8, r.replicaIndex());
        ps.setString(at + 9, r.resources());
        ps.setString(at + 10, r.hostIp());
        ps.setString(at + 11, r.podIp());
        ps.setString(at + 12, r.region());
        ps.setInt(at + 13, r.inEtcd() ? 1 : 0);
        ps.setString(at + 14, r.remark());
        UtcTimes.bind(ps, at + 15, r.gmtCreated());
        UtcTimes.bind(ps, at + 16, r.gmtModified() != null ? r.gmtModified() : r.gmtCreated());
        UtcTimes.bind(ps, at + 17, r.gmtStarted());
        UtcTimes.bind(ps, at + 18, r.gmtFinished());
        return at + 19;
    }

    @Override
    PodRecord map(ResultSet rs) throws SQLException {
        return PodRecord.builder()
                .name(rs.getString("name"))
                .namespace(rs.getString("namespace"))
                .podId(rs.getString("pod_id"))
                .version(new ResourceVersion(rs.getString("version")))
                .status(new PodStatus(rs.getString("status")))
                .image(rs.getString("image"))
                .jobId(rs.getString("job_id"))
                .replicaType(rs.getString("replica_type"))
                .resources(rs.getString("resources"))
                .hostIp(rs.getString("host_ip"))
                .podIp(rs.getString("pod_ip"))
                .region(rs.getString("deploy_region"))
                .inEtcd(rs.getInt("is_in_etcd") == 1)
                .remark(rs.getString("remark"))
                .gmtCreated(UtcTimes.read(rs, "gmt_created"))
                .gmtModified(UtcTimes.read(rs, "gmt_modified"))
                .gmtStarted(UtcTimes.read(rs, "gmt_started"))
                .gmtFinished(UtcTimes.read(rs, "gmt_finished"))
                .build();
    }

    @Override
    RowRules.Applied<PodRecord> apply(PodRecord stored, PodRecord in, Instant now) {
        return RowRules.save(stored, in, now);
    }

    // ---- PodPersist ----

    @Override public WriteOutcome save(PodRecord pod) { return super.save(pod); }
    @Override public List<WriteOutcome> saveAll(List<PodRecord> pods) { return super.saveAll(pods); }
    @Override public Optional<PodRecord> get(PodKey key) { return super.get(key); }
    @Override public WriteOutcome markRemoved(PodKey key, Instant removedAt) { return super.markRemoved(key, removedAt); }
    @Override public List<WriteOutcome> markRemovedAll(List<PodKey> keys, Instant removedAt) { return super.markRemovedAll(keys, removedAt); }
    @Override public boolean delete(PodKey key) { return super.delete(key); }
    @Override public int purge(Instant finishedBefore) { return super.purge(finishedBefore); }

    @Override
    public Optional<PodRecord> findLatest(String namespace, String name) {
        lifecycle.ensureOpen();
        validator.argument("namespace", namespace);
        validator.argument("name", name);
        SqlWhere where = new SqlWhere().exact("namespace", namespace).exact("name", name);
        return query("findLatest pod " + namespace + "/" + name, "SELECT " + SELECT + " FROM replica_info"
                + where.sql() + " ORDER BY gmt_created DESC, id DESC LIMIT 1", where.params()).stream().findFirst();
    }

    @Override
    public Page<PodRecord> list(PodQuery query) {
        lifecycle.ensureOpen();
        validator.argument("query", query);
        SqlStatement statement = listStatement(query);
        List<Map.Entry<Long, PodRecord>> rows = queryWithIds("list pods", statement.sql(), statement.params());
        if (rows.size() <= query.pageSize()) {
            return new Page<>(rows.stream().map(Map.Entry::getValue).toList(), null);
        }
        Map.Entry<Long, PodRecord> last = rows.get(query.pageSize() - 1);
        PodRecord pod = last.getValue();
        String token = PageCursor.encode(query.filterFingerprint(), List.of(
                pod.replicaType() == null ? NULL_TYPE : TYPE + pod.replicaType(),
                Integer.toString(pod.replicaIndex()),
                Long.toString(pod.gmtCreated().getEpochSecond()),
                Long.toString(last.getKey())));
        return new Page<>(rows.subList(0, query.pageSize()).stream().map(Map.Entry::getValue).toList(), token);
    }

    /**
     * Q3, Q4: filters, the keyset position of the token, one row more than a page.
     * NULL replica types sort first, so the position's type is either NULL (then the
     * rest of the NULL group, then every typed row) or a value (the rest of its
     * group, then greater types).
     */
    static SqlStatement listStatement(PodQuery query) {
        SqlWhere where = filters(query);
        if (query.pageToken().isPresent()) {
            List<String> p = PageCursor.decode(query.pageToken().get(), query.filterFingerprint(), 4);
            long index = PageCursor.number(p.get(1));
            Instant created = PageCursor.epochSecond(p.get(2), FieldLimits.DEFAULT);
            long id = PageCursor.number(p.get(3));
            String after = "(replica_index > ? OR (replica_index = ? AND (gmt_created > ? OR (gmt_created = ? AND id > ?))))";
            if (p.get(0).equals(NULL_TYPE)) {
                where.add("((replica_type IS NULL AND " + after + ") OR replica_type IS NOT NULL)",
                        index, index, created, created, id);
            } else if (p.get(0).startsWith(TYPE)) {
                String type = p.get(0).substring(TYPE.length());
                where.add("((replica_type = ? AND " + after + ") OR replica_type > ?)",
                        type, index, index, created, created, id, type);
            } else {
                throw new InvalidPageTokenException("is not a token of this listing (bad replica type)");
            }
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(query.pageSize() + 1);
        return new SqlStatement("SELECT " + SELECT + " FROM replica_info" + where.sql()
                + " ORDER BY replica_type, replica_index, gmt_created, id LIMIT ?", params);
    }

    /** @return the count of the query's filters */
    static SqlStatement countStatement(PodQuery query) {
        SqlWhere where = filters(query);
        return new SqlStatement("SELECT COUNT(*) FROM replica_info" + where.sql(), where.params());
    }

    @Override
    public long count(PodQuery query) {
        lifecycle.ensureOpen();
        validator.argument("query", query);
        return count("count pods", countStatement(query));
    }

    @Override
    public int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
        return reconcile(region, "", List.of(), livePodIds, removedAt, "livePodIds");
    }

    static SqlWhere filters(PodQuery q) {
        return new SqlWhere()
                .eq("job_id", q.jobId().orElse(null))
                .eq("namespace", q.namespace().orElse(null))
                .eq("name", q.name().orElse(null))
                .eq("replica_type", q.replicaType().orElse(null))
                .in("status", q.statuses().stream().map(PodStatus::value).sorted().toList())
                .eq("deploy_region", q.region().orElse(null))
                .eq("is_in_etcd", q.inEtcd().orElse(null));
    }
}
