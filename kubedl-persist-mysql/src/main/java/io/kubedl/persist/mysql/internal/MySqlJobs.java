package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.RowRules;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The jobs of a MySQL store, in table {@code job_info}. Listing order (Q2):
 * gmt_created descending, then the auto-increment id descending; page tokens hold
 * both (keyset pagination, Q3).
 */
final class MySqlJobs extends RecordTable<JobRecord, JobKey> implements JobPersist {
    private static final List<String> INSERT = List.of("name", "namespace", "job_id", "version", "status", "kind",
            "resources", "deploy_region", "tenant", "owner", "is_in_etcd", "remark", "gmt_created", "gmt_modified",
            "gmt_running", "gmt_finished", "write_nonce");
    private static final String SELECT = "id, " + String.join(", ", INSERT.subList(0, INSERT.size() - 1));
    private final RecordValidator validator;

    MySqlJobs(DataSource dataSource, IdleConnectionEviction idleEviction, StoreLifecycle lifecycle, SqlErrors errors,
            RecordValidator validator, int purgeBatchSize) {
        super(dataSource, idleEviction, lifecycle, errors, purgeBatchSize);
        this.validator = validator;
    }

    @Override String table() { return "job_info"; }
    @Override String idColumn() { return "job_id"; }
    @Override String what() { return "job"; }
    @Override List<String> insertColumns() { return INSERT; }
    @Override List<String> replacedColumns() { return List.of("resources", "tenant", "owner", "remark"); }
    @Override List<String> coalescedColumns() { return List.of("gmt_finished"); }
    @Override List<String> firstValueColumns() { return List.of("gmt_running"); }
    @Override String selectColumns() { return SELECT; }
    @Override JobKey key(JobRecord row) { return row.key(); }
    @Override String uid(JobKey key) { return key.jobId(); }
    @Override String region(JobKey key) { return key.region(); }
    @Override JobKey keyOf(String uid, String region) { return new JobKey(region, uid); }
    @Override JobRecord check(JobRecord row) { return validator.check(row); }
    @Override List<JobRecord> checkAll(List<JobRecord> rows) { return validator.checkAll(rows, "jobs"); }
    @Override RecordValidator validator() { return validator; }
    @Override String describe(JobRecord row) { return "job " + row.namespace() + "/" + row.name() + " (" + row.key() + ")"; }
    @Override String version(JobRecord row) { return row.version().value(); }
    @Override Instant gmtModified(JobRecord row) { return row.gmtModified(); }

    @Override
    long statementBytes(JobRecord r) {
        // the text values, plus about 16 bytes for each of the four times and the numbers
        return textBytes(r.name(), r.namespace(), r.jobId(), r.version().value(), r.status().value(), r.kind(),
                r.resources(), r.region(), r.tenant(), r.owner(), r.remark()) + 96;
    }

    @Override
    int bindRecord(PreparedStatement ps, int at, JobRecord r) throws SQLException {
        ps.setString(at, r.name());
        ps.setString(at + 1, r.namespace());
        ps.setString(at + 2, r.jobId());
        ps.setString(at + 3, r.version().value());
        ps.setString(at + 4, r.status().value());
        ps.setString(at + 5, r.kind());
        ps.setString(at + 6, r.resources());
        ps.setString(at + 7, r.region());
        // KubeDL writes '' for "no tenant" and its console dereferences both: never NULL (read back as null)
        ps.setString(at + 8, r.tenant() == null ? "" : r.tenant());
        ps.setString(at + 9, r.owner() == null ? "" : r.owner());
        ps.setInt(at + 10, r.inEtcd() ? 1 : 0);
        ps.setString(at + 11, r.remark());
        UtcTimes.bind(ps, at + 12, r.gmtCreated());
        // an inserted row's gmt_modified is the record's, else its creation time
        UtcTimes.bind(ps, at + 13, r.gmtModified() != null ? r.gmtModified() : r.gmtCreated());
        UtcTimes.bind(ps, at + 14, r.gmtRunning());
        UtcTimes.bind(ps, at + 15, r.gmtFinished());
        return at + 16;
    }

    @Override
    JobRecord map(ResultSet rs) throws SQLException {
        return JobRecord.builder()
                .name(rs.getString("name"))
                .namespace(rs.getString("namespace"))
                .jobId(rs.getString("job_id"))
                .version(new ResourceVersion(rs.getString("version")))
                .status(new JobStatus(rs.getString("status")))
                .kind(rs.getString("kind"))
                .resources(rs.getString("resources"))
                .region(rs.getString("deploy_region"))
                .tenant(absentWhenEmpty(rs.getString("tenant")))
                .owner(absentWhenEmpty(rs.getString("owner")))
                .inEtcd(rs.getInt("is_in_etcd") == 1)
                .remark(rs.getString("remark"))
                .gmtCreated(UtcTimes.read(rs, "gmt_created"))
                .gmtModified(UtcTimes.read(rs, "gmt_modified"))
                .gmtRunning(UtcTimes.read(rs, "gmt_running"))
                .gmtFinished(UtcTimes.read(rs, "gmt_finished"))
                .build();
    }

    /** '' is how the table says "no tenant" / "no owner" (as KubeDL writes it); records say it with null. */
    private static String absentWhenEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    RowRules.Applied<JobRecord> apply(JobRecord stored, JobRecord in, Instant now) {
        return RowRules.save(stored, in, now);
    }

    @Override
    void deleteDependents(Connection c, String region, Collection<String> jobIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM replica_info WHERE deploy_region = ? AND job_id IN ("
                + placeholders(jobIds.size()) + ")")) {
            ps.setString(1, region);
            SqlWhere.bind(ps, new ArrayList<>(jobIds), 2);
            ps.executeUpdate();
        }
    }

    // ---- JobPersist ----

    @Override public WriteOutcome save(JobRecord job) { return super.save(job); }
    @Override public List<WriteOutcome> saveAll(List<JobRecord> jobs) { return super.saveAll(jobs); }
    @Override public Optional<JobRecord> get(JobKey key) { return super.get(key); }
    @Override public WriteOutcome markRemoved(JobKey key, Instant removedAt) { return super.markRemoved(key, removedAt); }
    @Override public List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) { return super.markRemovedAll(keys, removedAt); }
    @Override public boolean delete(JobKey key) { return super.delete(key); }
    @Override public int purge(Instant finishedBefore) { return super.purge(finishedBefore); }

    @Override
    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
        lifecycle.ensureOpen();
        validator.argument("namespace", namespace);
        validator.argument("name", name);
        validator.argument("kind", kind);
        SqlWhere where = new SqlWhere().exact("namespace", namespace).exact("name", name).exact("kind", kind);
        return query("findLatest job " + namespace + "/" + name, "SELECT " + SELECT + " FROM job_info" + where.sql()
                + " ORDER BY gmt_created DESC, id DESC LIMIT 1", where.params()).stream().findFirst();
    }

    @Override
    public Page<JobRecord> list(JobQuery query) {
        lifecycle.ensureOpen();
        validator.argument("query", query);
        SqlStatement statement = listStatement(query);
        List<Map.Entry<Long, JobRecord>> rows = queryWithIds("list jobs", statement.sql(), statement.params());
        if (rows.size() <= query.pageSize()) {
            return new Page<>(rows.stream().map(Map.Entry::getValue).toList(), null);
        }
        Map.Entry<Long, JobRecord> last = rows.get(query.pageSize() - 1);
        String token = PageCursor.encode(query.filterFingerprint(),
                List.of(Long.toString(last.getValue().gmtCreated().getEpochSecond()), Long.toString(last.getKey())));
        return new Page<>(rows.subList(0, query.pageSize()).stream().map(Map.Entry::getValue).toList(), token);
    }

    /** Q2, Q3: filters, the keyset position of the token, newest first, one row more than a page. */
    static SqlStatement listStatement(JobQuery query) {
        SqlWhere where = filters(query);
        if (query.pageToken().isPresent()) {
            List<String> position = PageCursor.decode(query.pageToken().get(), query.filterFingerprint(), 2);
            Instant created = PageCursor.epochSecond(position.get(0), FieldLimits.DEFAULT);
            long id = PageCursor.number(position.get(1));
            where.add("(gmt_created < ? OR (gmt_created = ? AND id < ?))", created, created, id);
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(query.pageSize() + 1);
        return new SqlStatement("SELECT " + SELECT + " FROM job_info" + where.sql()
                + " ORDER BY gmt_created DESC, id DESC LIMIT ?", params);
    }

    /** @return the count of the query's filters */
    static SqlStatement countStatement(JobQuery query) {
        SqlWhere where = filters(query);
        return new SqlStatement("SELECT COUNT(*) FROM job_info" + where.sql(), where.params());
    }

    @Override
    public long count(JobQuery query) {
        lifecycle.ensureOpen();
        validator.argument("query", query);
        return count("count jobs", countStatement(query));
    }

    @Override
    public int reconcile(String region, Set<String> kinds, Set<String> liveJobIds, Instant removedAt) {
        lifecycle.ensureOpen();
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidRecordException("kinds", "must not be empty; name the kinds this controller watches");
        }
        // exact kinds: "TFJob " must not reconcile the TFJobs
        SqlWhere ofKinds = new SqlWhere().in("kind", new ArrayList<>(new java.util.TreeSet<>(kinds)));
        return reconcile(region, " AND " + ofKinds.conditions(), ofKinds.params(), liveJobIds, removedAt, "liveJobIds");
    }

    static SqlWhere filters(JobQuery q) {
        SqlWhere where = new SqlWhere()
                .eq("namespace", q.namespace().orElse(null))
                .eq("name", q.name().orElse(null))
                .eq("kind", q.kind().orElse(null))
                .in("status", q.statuses().stream().map(JobStatus::value).sorted().toList())
                .eq("deploy_region", q.region().orElse(null))
                .eq("tenant", q.tenant().orElse(null))
                .eq("owner", q.owner().orElse(null))
                .eq("job_id", q.jobId().orElse(null))
                .eq("is_in_etcd", q.inEtcd().orElse(null));
        q.nameContains().ifPresent(s -> where.add("name LIKE ?" + LikePattern.ESCAPE_CLAUSE, LikePattern.contains(s)));
        q.createdFrom().ifPresent(t -> where.add("gmt_created >= ?", t));
        q.createdTo().ifPresent(t -> where.add("gmt_created < ?", t));
        return where;
    }
}
