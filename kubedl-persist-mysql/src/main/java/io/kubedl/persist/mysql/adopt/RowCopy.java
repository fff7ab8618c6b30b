package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts the kept rows into our tables, a few hundred per statement. A row whose
 * identity is already there (an interrupted apply copied it, or a controller wrote
 * it since) is left as it is: {@code ON DUPLICATE KEY UPDATE id = id} changes
 * nothing and counts 0 affected rows, so the statement's count is exactly the rows
 * inserted.
 */
final class RowCopy {
    private static final int ROWS_PER_STATEMENT = 200;
    private static final List<String> JOB_COLUMNS = List.of("name", "namespace", "job_id", "version", "status", "kind",
            "resources", "deploy_region", "tenant", "owner", "is_in_etcd", "remark", "gmt_created", "gmt_modified",
            "gmt_running", "gmt_finished");
    private static final List<String> POD_COLUMNS = List.of("name", "namespace", "pod_id", "version", "status", "image",
            "job_id", "replica_type", "replica_index", "resources", "host_ip", "pod_ip", "deploy_region", "is_in_etcd",
            "remark", "gmt_created", "gmt_modified", "gmt_started", "gmt_finished");

    private final Connection connection;
    private final boolean jobs;
    private final List<KubedlRow> pending = new ArrayList<>();
    private long inserted;

    RowCopy(Connection connection, boolean jobs) {
        this.connection = connection;
        this.jobs = jobs;
    }

    void add(KubedlRow row) throws SQLException {
        pending.add(row);
        if (pending.size() == ROWS_PER_STATEMENT) {
            flush();
        }
    }

    /** @return rows inserted so far (after the last flush) */
    long flush() throws SQLException {
        if (pending.isEmpty()) {
            return inserted;
        }
        List<String> columns = jobs ? JOB_COLUMNS : POD_COLUMNS;
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String sql = "INSERT INTO " + (jobs ? "job_info" : "replica_info") + " (" + String.join(", ", columns)
                + ") VALUES " + String.join(", ", Collections.nCopies(pending.size(), row)) + " ON DUPLICATE KEY UPDATE id = id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            for (KubedlRow r : pending) {
                i = jobs ? bind(ps, i, r.job()) : bind(ps, i, r.pod());
            }
            inserted += ps.executeUpdate();
        }
        pending.clear();
        return inserted;
    }

    private static int bind(PreparedStatement ps, int i, JobRecord r) throws SQLException {
        ps.setString(i++, r.name());
        ps.setString(i++, r.namespace());
        ps.setString(i++, r.jobId());
        ps.setString(i++, r.version().value());
        ps.setString(i++, r.status().value());
        ps.setString(i++, r.kind());
        ps.setString(i++, r.resources());
        ps.setString(i++, r.region());
        ps.setString(i++, r.tenant());
        ps.setString(i++, r.owner());
        ps.setInt(i++, r.inEtcd() ? 1 : 0);
        ps.setString(i++, r.remark());
        time(ps, i++, r.gmtCreated());
        time(ps, i++, r.gmtModified());
        time(ps, i++, r.gmtRunning());
        time(ps, i++, r.gmtFinished());
        return i;
    }

    private static int bind(PreparedStatement ps, int i, PodRecord r) throws SQLException {
        ps.setString(i++, r.name());
        ps.setString(i++, r.namespace());
        ps.setString(i++, r.podId());
        ps.setString(i++, r.version().value());
        ps.setString(i++, r.status().value());
        ps.setString(i++, r.image());
        ps.setString(i++, r.jobId());
        ps.setString(i++, r.replicaType());
        // as the provider stores it: the decimal suffix of the name (Q4 order)
        ps.setInt(i++, r.replicaIndex());
        ps.setString(i++, r.resources());
        ps.setString(i++, r.hostIp());
        ps.setString(i++, r.podIp());
        ps.setString(i++, r.region());
        ps.setInt(i++, r.inEtcd() ? 1 : 0);
        ps.setString(i++, r.remark());
        time(ps, i++, r.gmtCreated());
        time(ps, i++, r.gmtModified());
        time(ps, i++, r.gmtStarted());
        time(ps, i++, r.gmtFinished());
        return i;
    }

    private static void time(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
