package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The job half of the SQLite store. Each save is ONE guarded upsert
 * ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE <in etcd and newer> RETURNING});
 * only when it wrote nothing does a read in the same transaction tell UNCHANGED from
 * STALE. Listing is keyset-paginated on (gmt_created DESC, id DESC).
 */
final class SqliteJobPersist implements JobPersist {
    static final int PURGE_BATCH = 500;

    private static final String COLUMNS = "id, deploy_region, job_id, name, namespace, kind, version, status, resources,"
            + " tenant, owner, remark, is_in_etcd, gmt_created, gmt_modified, gmt_running, gmt_finished";

    private static final String UPSERT = """
            INSERT INTO job_info (deploy_region, job_id, name, namespace, kind, version, status, resources, tenant,
                                  owner, remark, is_in_etcd, gmt_created, gmt_modified, gmt_running, gmt_finished, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (deploy_region, job_id) DO UPDATE SET
              version      = excluded.version,
              status       = excluded.status,
              resources    = excluded.resources,
              tenant       = excluded.tenant,
              owner        = excluded.owner,
              remark       = excluded.remark,
              is_in_etcd   = excluded.is_in_etcd,
              gmt_modified = CASE WHEN excluded.status = job_info.status THEN job_info.gmt_modified ELSE ? END,
              gmt_running  = COALESCE(job_info.gmt_running, excluded.gmt_running),
              gmt_finished = COALESCE(excluded.gmt_finished, job_info.gmt_finished),
              revision     = job_info.revision + 1
            WHERE job_info.is_in_etcd = 1 AND %s
            RETURNING revision""".formatted(StoredRow.newerVersionGuard("job_info"));

    // every SET expression reads the row as it was before the UPDATE, so their order does not matter
    private static final String MARK_REMOVED = """
            UPDATE job_info SET
              is_in_etcd   = 0,
              gmt_finished = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN COALESCE(gmt_finished, ?) ELSE ? END,
              gmt_modified = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN gmt_modified ELSE ? END,
              status       = CASE WHEN status IN ('Succeeded', 'Failed', 'Stopped') THEN status ELSE 'Stopped' END,
              revision     = revision + 1
            """;

    private final GuardedConnection connection;
    private final RecordValidator validator;

    SqliteJobPersist(GuardedConnection connection, FieldLimits limits) {
        this.connection = connection;
        this.validator = new RecordValidator(limits);
    }

    @Override
    public WriteOutcome save(JobRecord job) {
        connection.ensureOpen();
        validator.check(job);
        return connection.write("save job", c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                return upsert(c, upsert, job, Instant.now());
            }
        });
    }

    @Override
    public List<WriteOutcome> saveAll(List<JobRecord> jobs) {
        connection.ensureOpen();
        validator.checkAll(jobs, "jobs");
        if (jobs.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return connection.write("save jobs", c -> {
            List<WriteOutcome> outcomes = new ArrayList<>(jobs.size());
            // one prepared statement for the whole batch: SQLite compiles the upsert once
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (JobRecord job : jobs) {
                    outcomes.add(upsert(c, upsert, job, now));
                }
            }
            return outcomes;
        });
    }

    private static WriteOutcome upsert(Connection c, PreparedStatement upsert, JobRecord job,
            Instant now) throws SQLException {
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
        try (ResultSet rs = upsert.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1) == 1 ? WriteOutcome.INSERTED : WriteOutcome.UPDATED;
            }
        }
        return StoredRow.find(c, "job_info", "job_id", job.region(), job.jobId())
                .orElseThrow(() -> new IllegalStateException("job " + job.key() + " vanished inside a transaction"))
                .outcomeOfRefusedSave(job.version());
    }

    @Override
    public Optional<JobRecord> get(JobKey key) {
        Objects.requireNonNull(key, "key");
        return connection.read("get job", c -> first(c,
                new SqlConditions().add("deploy_region = ?", key.region()).add("job_id = ?", key.jobId()), ""));
    }

    @Override
    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
        return connection.read("find latest job", c -> first(c, new SqlConditions()
                .add("namespace = ?", namespace).add("name = ?", name).add("kind = ?", kind),
                " ORDER BY gmt_created DESC, id DESC LIMIT 1"));
    }

    private static Optional<JobRecord> first(Connection c, SqlConditions where, String tail) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM job_info" + where.where() + tail)) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<JobRecord> list(JobQuery query) {
        Objects.requireNonNull(query, "query");
        connection.ensureOpen();
        SqlConditions where = filters(query);
        String fingerprint = query.filterFingerprint();
        query.pageToken().ifPresent(token -> {
            List<String> after = PageCursor.decode(token, fingerprint, 2);
            where.add("(gmt_created, id) < (?, ?)", number(after.get(0)), number(after.get(1)));
        });
        int size = query.pageSize();
        return connection.read("list jobs", c -> {
            List<JobRecord> items = new ArrayList<>(size);
            long lastCreated = 0;
            long lastId = 0;
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM job_info" + where.where()
                    + " ORDER BY gmt_created DESC, id DESC LIMIT ?")) {
                select.setInt(where.bind(select, 1), size + 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            more = true;
                            break;
                        }
                        items.add(read(rs));
                        lastCreated = rs.getLong("gmt_created");
                        lastId = rs.getLong("id");
                    }
                }
            }
            String next = more ? PageCursor.encode(fingerprint, List.of(Long.toString(lastCreated), Long.toString(lastId))) : null;
            return new Page<>(items, next);
        });
    }

    @Override
    public long count(JobQuery query) {
        Objects.requireNonNull(query, "query");
        SqlConditions where = filters(query);
        return connection.read("count jobs", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM job_info" + where.where())) {
                where.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
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

    @Override
    public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(removedAt, "removedAt");
        return connection.write("mark job removed", c -> {
            try (PreparedStatement update = c.prepareStatement(MARK_REMOVED
                    + " WHERE deploy_region = ? AND job_id = ? AND is_in_etcd = 1")) {
                bindRemovedAt(update, removedAt);
                update.setString(4, key.region());
                update.setString(5, key.jobId());
                if (update.executeUpdate() == 1) {
                    return WriteOutcome.UPDATED;
                }
            }
            return StoredRow.find(c, "job_info", "job_id", key.region(), key.jobId()).isPresent()
                    ? WriteOutcome.UNCHANGED : WriteOutcome.NOT_FOUND;
        });
    }

    private static void bindRemovedAt(PreparedStatement update, Instant removedAt) throws SQLException {
        for (int i = 1; i <= 3; i++) {
            UtcSeconds.bind(update, i, removedAt);
        }
    }

    @Override
    public boolean delete(JobKey key) {
        Objects.requireNonNull(key, "key");
        return connection.write("delete job", c -> {
            Optional<StoredRow> row = StoredRow.find(c, "job_info", "job_id", key.region(), key.jobId());
            if (row.isEmpty()) {
                return false;
            }
            if (row.get().inEtcd()) {
                throw new StillInEtcdException("job " + key);
            }
            deleteJobAndPods(c, key.region(), key.jobId());
            return true;
        });
    }

    private static void deleteJobAndPods(Connection c, String region, String jobId) throws SQLException {
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
        if (liveJobIds == null) {
            throw new InvalidRecordException("liveJobIds", "must not be null; pass an empty set when no job is live");
        }
        Objects.requireNonNull(removedAt, "removedAt");
        String inRegion = region == null ? "" : region;
        return connection.write("reconcile jobs", c -> {
            // the live set may hold many thousand UIDs: compare in Java instead of a giant NOT IN (...)
            List<Long> gone = new ArrayList<>();
            SqlConditions where = new SqlConditions().add("deploy_region = ?", inRegion).add("is_in_etcd = 1")
                    .in("kind", kinds.stream().sorted().toList());
            try (PreparedStatement select = c.prepareStatement("SELECT id, job_id FROM job_info" + where.where())) {
                where.bind(select, 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (!liveJobIds.contains(rs.getString(2))) {
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
            // one transaction per batch keeps the write lock short for other processes sharing the file
            batch = connection.write("purge jobs", c -> {
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
                for (String[] job : doomed) {
                    deleteJobAndPods(c, job[0], job[1]);
                }
                return doomed.size();
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

    private static JobRecord read(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("deploy_region"), rs.getString("job_id"), rs.getString("name"),
                rs.getString("namespace"), rs.getString("kind"), new ResourceVersion(rs.getString("version")),
                JobStatus.of(rs.getString("status")), rs.getString("resources"), rs.getString("tenant"),
                rs.getString("owner"), rs.getInt("is_in_etcd") == 1, UtcSeconds.read(rs, "gmt_created"),
                UtcSeconds.read(rs, "gmt_modified"), UtcSeconds.read(rs, "gmt_running"),
                UtcSeconds.read(rs, "gmt_finished"), rs.getString("remark"));
    }
}
