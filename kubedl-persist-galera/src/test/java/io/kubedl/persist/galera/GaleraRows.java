package io.kubedl.persist.galera;

import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Test records, and the pod versions as stored on one node. */
final class GaleraRows {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private GaleraRows() {
    }

    /** @return pod {@code uid} at that version, status moving with it */
    static PodRecord pod(String uid, long version) {
        PodStatus status = version % 3 == 0 ? PodStatus.SUCCEEDED : version % 2 == 0 ? PodStatus.RUNNING : PodStatus.PENDING;
        return PodRecord.builder().podId(uid).jobId("job-" + uid.substring(0, Math.min(6, uid.length())))
                .name("worker-" + uid).namespace("default").version(Long.toString(version)).status(status)
                .replicaType("worker").image("busybox").gmtCreated(T0).build();
    }

    /**
     * @return pod uid to stored version (as a number) of the pods whose uid starts with the prefix, read on
     *         that node after it applied everything committed before (wsrep_sync_wait)
     */
    static Map<String, Long> podVersions(GaleraNode node, String database, String prefix) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(node.jdbcUrl(database), "root", "");
                Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rs = s.executeQuery("SELECT pod_id, version FROM replica_info")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)
                        && out.put(rs.getString(1), Long.parseLong(rs.getString(2))) != null) {
                    throw new AssertionError("I2: two rows for pod " + rs.getString(1) + " on " + node.name());
                }
            }
            }
        }
        return out;
    }
}
