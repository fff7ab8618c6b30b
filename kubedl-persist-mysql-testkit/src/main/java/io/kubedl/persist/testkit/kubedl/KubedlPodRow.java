package io.kubedl.persist.testkit.kubedl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A row of KubeDL's {@code replica_info} as its {@code ConvertPodToDMOPod} and
 * {@code mysql.go} wrote it. KubeDL's pod controller calls {@code StopPod(name,
 * namespace, uid)} against the signature {@code StopPod(ns, name, podID)}: the lookup
 * never matches, so a deleted pod's row stays as last saved (Running, in etcd).
 *
 * @param name name, e.g. mnist-worker-10
 * @param namespace namespace
 * @param podId UID
 * @param version resourceVersion
 * @param status phase
 * @param image main container image
 * @param jobId the job's UID
 * @param replicaType e.g. worker (lower case, from the replica-type label)
 * @param resources ResourceRequirements JSON
 * @param hostIp host IP, or null
 * @param podIp pod IP, or null
 * @param deployRegion region, or null
 * @param deleted soft-delete flag ({@code is_del} in the seed generation)
 * @param isInEtcd 1 while in etcd
 * @param remark e.g. the failure reason
 * @param gmtCreated creation time
 * @param gmtModified last update
 * @param gmtStarted container start
 * @param gmtFinished container end
 */
public record KubedlPodRow(String name, String namespace, String podId, String version, String status, String image,
        String jobId, String replicaType, String resources, String hostIp, String podIp, String deployRegion,
        Integer deleted, Integer isInEtcd, String remark, Instant gmtCreated, Instant gmtModified, Instant gmtStarted,
        Instant gmtFinished) {

    /**
     * A running worker pod as KubeDL writes it: no region, in etcd.
     *
     * @param name name
     * @param podId UID
     * @param jobId the job's UID
     * @param version resourceVersion
     * @param created creation time
     * @return the row
     */
    public static KubedlPodRow running(String name, String podId, String jobId, String version, Instant created) {
        return new KubedlPodRow(name, "default", podId, version, "Running", "kubedl/tf-mnist:1.0", jobId, "worker",
                "{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}", "10.0.0.7",
                "172.16.3.9", null, 0, 1, null, created, created.plusSeconds(2), created.plusSeconds(9), null);
    }

    /**
     * @param v version
     * @return a copy
     */
    public KubedlPodRow withVersion(String v) {
        return new KubedlPodRow(name, namespace, podId, v, status, image, jobId, replicaType, resources, hostIp, podIp,
                deployRegion, deleted, isInEtcd, remark, gmtCreated, gmtModified, gmtStarted, gmtFinished);
    }

    /**
     * @param s phase
     * @param r remark
     * @param finished end
     * @param inEtcd is_in_etcd
     * @return a copy
     */
    public KubedlPodRow withEnd(String s, String r, Instant finished, Integer inEtcd) {
        return new KubedlPodRow(name, namespace, podId, version, s, image, jobId, replicaType, resources, hostIp, podIp,
                deployRegion, deleted, inEtcd, r, gmtCreated, gmtModified, gmtStarted, finished);
    }

    /**
     * @param region region or null
     * @return a copy
     */
    public KubedlPodRow withRegion(String region) {
        return new KubedlPodRow(name, namespace, podId, version, status, image, jobId, replicaType, resources, hostIp,
                podIp, region, deleted, isInEtcd, remark, gmtCreated, gmtModified, gmtStarted, gmtFinished);
    }

    /**
     * @param c a connection to the database
     * @param schema the table's generation (the soft-delete column's name)
     * @param zone the controller's zone, for the local times
     * @return the row's id
     * @throws SQLException when the server refuses
     */
    public long insert(Connection c, KubedlSchema schema, ZoneId zone) throws SQLException {
        String sql = "INSERT INTO replica_info (name, namespace, pod_id, version, status, image, job_id, replica_type,"
                + " resources, host_ip, pod_ip, deploy_region, " + schema.podDeletedColumn() + ", is_in_etcd, remark,"
                + " gmt_created, gmt_modified, gmt_started, gmt_finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, name);
            ps.setString(i++, namespace);
            ps.setString(i++, podId);
            ps.setString(i++, version);
            ps.setString(i++, status);
            ps.setString(i++, image);
            ps.setString(i++, jobId);
            ps.setString(i++, replicaType);
            ps.setString(i++, resources);
            ps.setString(i++, hostIp);
            ps.setString(i++, podIp);
            ps.setString(i++, deployRegion);
            KubedlJobRow.setInt(ps, i++, deleted);
            KubedlJobRow.setInt(ps, i++, isInEtcd);
            ps.setString(i++, remark);
            LocalTimes.bind(ps, i++, gmtCreated, zone);
            LocalTimes.bind(ps, i++, gmtModified, zone);
            LocalTimes.bind(ps, i++, gmtStarted, zone);
            LocalTimes.bind(ps, i, gmtFinished, zone);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
