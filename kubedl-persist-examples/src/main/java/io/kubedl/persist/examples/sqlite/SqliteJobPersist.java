package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
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
 * The job half of the SQLite store: the job_info columns, its upsert, its filters
 * and its listing order (gmt_created DESC, id DESC); the write rules shared with the
 * pod half live in {@link SqliteTable}. Deleting or purging a job also deletes its
 * pods (D2, D4).
 */
final class SqliteJobPersist extends SqliteTable<JobKey, JobRecord> implements JobPersist {

    private static final String COLUMNS = "id, deploy_region, job_id, name, namespace, kind, version, status, resources,"
            + " tenant, owner, remark, is_in_etcd, gmt_created, gmt_modified, gmt_running, gmt_finished";

    /** Written on insert, in the order {@link #bindUpsert} binds them. */
    private static final List<String> INSERT_COLUMNS = List.of("deploy_region", "job_id", "name", "namespace", "kind",
            "version", "status", "resources", "tenant", "owner", "remark", "is_in_etcd", "gmt_created", "gmt_modified",
            "gmt_running", "gmt_finished");

    /** name, namespace, kind, job_id and gmt_created are not replaced: they never change after the insert (W7). */
    private static final String UPSERT = GuardedUpsert.sql("job_info", "job_id", INSERT_COLUMNS,
            List.of("resources", "tenant", "owner", "remark"),   // replaced by a newer version, even by null
            List.of("gmt_running"),                              // set once: COALESCE(stored, new)
            List.of("gmt_finished"));                            // never erased: COALESCE(new, stored)

    SqliteJobPersist(GuardedConnection connection, FieldLimits limits) {
        super(connection, limits, "job_info", "job_id", "job", COLUMNS, UPSERT);
    }

    @Override
    void check(JobRecord job) {
        validator.check(job);
    }

    @Override
    void bindUpsert(PreparedStatement upsert, JobRecord job, Instant now) throws SQLException {
        upsert.setString(1, job.region());
        upsert.setString(2, job.jobId());
        upsert.setString(3, job.name());
        upsert.setString(4, job.namespace());
        upsert.setString(5, job.kind());
        upsert.setString(6, job.version().value());
        upsert.setString(7, job.status().value());
        upsert.setString(8, job.resources());
        upsert.setString(9, job.tenant());
        upsert.setString(10, job.owner());
        upsert.setString(11, job.remark());
        upsert.setInt(12, job.inEtcd() ? 1 : 0);
        UtcSeconds.bind(upsert, 13, job.gmtCreated());
        UtcSeconds.bind(upsert, 14, job.gmtModified() != null ? job.gmtModified() : job.gmtCreated());
        UtcSeconds.bind(upsert, 15, job.gmtRunning());
        UtcSeconds.bind(upsert, 16, job.gmtFinished());
        UtcSeconds.bind(upsert, 17, job.gmtModified() != null ? job.gmtModified() : now);
    }

    @Override
    JobRecord read(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("deploy_region"), rs.getString("job_id"), rs.getString("name"),
                rs.getString("namespace"), rs.getString("kind"), new ResourceVersion(rs.getString("version")),
                JobStatus.of(rs.getString("status")), rs.getString("resources"), rs.getString("tenant"),
                rs.getString("owner"), rs.getInt("is_in_etcd") == 1, UtcSeconds.read(rs, "gmt_created"),
                UtcSeconds.read(rs, "gmt_modified"), UtcSeconds.read(rs, "gmt_running"),
                UtcSeconds.read(rs, "gmt_finished"), rs.getString("remark"));
    }

    @Override
    JobKey key(JobRecord job) {
        return job.key();
    }

    @Override
    String region(JobKey key) {
        return key.region();
    }

    @Override
    String uid(JobKey key) {
        return key.jobId();
    }

    @Override
    ResourceVersion version(JobRecord job) {
        return job.version();
    }

    @Override
    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
        return findLatestWhere(new SqlConditions().add("namespace = ?", SpiArguments.required("namespace", namespace))
                .add("name = ?", SpiArguments.required("name", name))
                .add("kind = ?", SpiArguments.required("kind", kind)));
    }

    @Override
    public Page<JobRecord> list(JobQuery query) {
        SpiArguments.required("query", query);
        return page(filters(query), query.filterFingerprint(), query.pageToken(), query.pageSize());
    }

    @Override
    String listOrder() {
        return "gmt_created DESC, id DESC";
    }

    @Override
    int positionParts() {
        return 2;
    }

    @Override
    void addAfter(SqlConditions where, List<String> position) {
        where.add("(gmt_created, id) < (?, ?)", number(position.get(0)), number(position.get(1)));
    }

    @Override
    List<String> position(ResultSet rs, JobRecord job) throws SQLException {
        return List.of(Long.toString(rs.getLong("gmt_created")), Long.toString(rs.getLong("id")));
    }

    @Override
    public long count(JobQuery query) {
        SpiArguments.required("query", query);
        return countWhere(filters(query));
    }

    private static SqlConditions filters(JobQuery query) {
        return new SqlConditions()
                .equal("namespace", query.namespace())
                .equal("name", query.name())
                .contains("name", query.nameContains())
                .equal("kind", query.kind())
                .in("status", query.statuses().stream().map(JobStatus::value).sorted().toList())
                .equal("deploy_region", query.region())
                .equal("tenant", query.tenant())
                .equal("owner", query.owner())
                .equal("job_id", query.jobId())
                .equal("is_in_etcd", query.inEtcd())
                .addIf(query.createdFrom().map(UtcSeconds::of), "gmt_created >= ?")
                .addIf(query.createdTo().map(UtcSeconds::of), "gmt_created < ?");
    }

    /** A job's row goes with its pods (D2). */
    @Override
    void deleteRows(Connection c, String region, String jobId) throws SQLException {
        try (PreparedStatement pods = c.prepareStatement("DELETE FROM pod_info WHERE deploy_region = ? AND job_id = ?");
             PreparedStatement job = c.prepareStatement("DELETE FROM job_info WHERE deploy_region = ? AND job_id = ?")) {
            pods.setString(1, region);
            pods.setString(2, jobId);
            pods.executeUpdate();
            job.setString(1, region);
            job.setString(2, jobId);
            job.executeUpdate();
        }
    }

    @Override
    public int reconcile(String region, Set<String> kinds, Set<String> liveJobIds, Instant removedAt) {
        connection.ensureOpen();
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidRecordException("kinds", "must not be empty; name the kinds this controller watches");
        }
        return reconcileWhere(stillInEtcd(region).in("kind", kinds.stream().sorted().toList()), "liveJobIds",
                liveJobIds, removedAt);
    }

    @Override
    int purgeBatch(Connection c, Instant finishedBefore) throws SQLException {
        List<String[]> doomed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT deploy_region, job_id FROM job_info"
                + " WHERE is_in_etcd = 0 AND gmt_finished < ? ORDER BY id LIMIT " + PURGE_BATCH)) {
            select.setLong(1, finishedBefore.getEpochSecond());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    doomed.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        // each job takes its pods along (D4)
        for (String[] job : doomed) {
            deleteRows(c, job[0], job[1]);
        }
        return doomed.size();
    }
}
