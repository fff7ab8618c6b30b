package io.kubedl.persist.testkit.kubedl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A row of KubeDL's {@code job_info} as its converter ({@code ConvertJobToDMOJob}) and
 * {@code mysql.go} wrote it: {@code deploy_region} NULL when the controller had no
 * {@code --region} and the job no tenancy region, tenant and owner '' without a
 * tenancy annotation, {@code deleted} 0 and {@code is_in_etcd} 1 until StopJob or the
 * console's DeleteJob, times in the controller's zone. Nullable where KubeDL's columns are.
 *
 * @param name name
 * @param namespace namespace
 * @param jobId UID
 * @param version resourceVersion
 * @param status last condition type, e.g. Running
 * @param kind e.g. TFJob
 * @param resources KubeDL's resources JSON
 * @param deployRegion region, or null
 * @param tenant tenant ('' without tenancy)
 * @param owner owner ('' without tenancy)
 * @param deleted soft-delete flag
 * @param isInEtcd 1 while in etcd
 * @param remark e.g. EnableTensorBoard (current generation only)
 * @param gmtCreated creation time
 * @param gmtModified last update
 * @param gmtRunning running condition time (current generation only)
 * @param gmtFinished completion time
 */
public record KubedlJobRow(String name, String namespace, String jobId, String version, String status, String kind,
        String resources, String deployRegion, String tenant, String owner, Integer deleted, Integer isInEtcd,
        String remark, Instant gmtCreated, Instant gmtModified, Instant gmtRunning, Instant gmtFinished) {

    /**
     * A running TFJob as KubeDL first writes it: no region, '' tenancy, in etcd.
     *
     * @param name name
     * @param jobId UID
     * @param version resourceVersion
     * @param created creation time
     * @return the row
     */
    public static KubedlJobRow running(String name, String jobId, String version, Instant created) {
        return new KubedlJobRow(name, "default", jobId, version, "Running", "TFJob",
                "{\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"2\",\"memory\":\"10Gi\"}},\"replicas\":2}}",
                null, "", "", 0, 1, null, created, created.plusSeconds(3), created.plusSeconds(20), null);
    }

    /**
     * @param v new version
     * @return a copy
     */
    public KubedlJobRow withVersion(String v) {
        return new KubedlJobRow(name, namespace, jobId, v, status, kind, resources, deployRegion, tenant, owner, deleted,
                isInEtcd, remark, gmtCreated, gmtModified, gmtRunning, gmtFinished);
    }

    /**
     * @param s new status
     * @param finished completion time
     * @return a copy
     */
    public KubedlJobRow withStatus(String s, Instant finished) {
        return new KubedlJobRow(name, namespace, jobId, version, s, kind, resources, deployRegion, tenant, owner, deleted,
                isInEtcd, remark, gmtCreated, gmtModified, gmtRunning, finished);
    }

    /**
     * @param region region or null
     * @param t tenant
     * @param o owner
     * @return a copy
     */
    public KubedlJobRow withTenancy(String region, String t, String o) {
        return new KubedlJobRow(name, namespace, jobId, version, status, kind, resources, region, t, o, deleted,
                isInEtcd, remark, gmtCreated, gmtModified, gmtRunning, gmtFinished);
    }

    /**
     * @param d deleted flag
     * @param inEtcd is_in_etcd
     * @return a copy
     */
    public KubedlJobRow withFlags(Integer d, Integer inEtcd) {
        return new KubedlJobRow(name, namespace, jobId, version, status, kind, resources, deployRegion, tenant, owner, d,
                inEtcd, remark, gmtCreated, gmtModified, gmtRunning, gmtFinished);
    }

    /**
     * @param r remark
     * @param running running time
     * @return a copy
     */
    public KubedlJobRow withRemark(String r, Instant running) {
        return new KubedlJobRow(name, namespace, jobId, version, status, kind, resources, deployRegion, tenant, owner,
                deleted, isInEtcd, r, gmtCreated, gmtModified, running, gmtFinished);
    }

    /**
     * Inserts the row as gorm's Create did (every column given, NULLs included).
     *
     * @param c a connection to the database
     * @param schema the table's generation (seed: no remark, no running time, gmt_finished)
     * @param zone the controller's zone, for the local times
     * @return the row's id
     * @throws SQLException when the server refuses
     */
    public long insert(Connection c, KubedlSchema schema, ZoneId zone) throws SQLException {
        boolean seed = schema == KubedlSchema.SEED;
        String sql = "INSERT INTO job_info (name, namespace, job_id, version, status, kind, resources, deploy_region,"
                + " tenant, owner, deleted, is_in_etcd, " + (seed ? "" : "remark, ") + "gmt_created, gmt_modified, "
                + (seed ? "gmt_finished" : "gmt_job_running, gmt_job_finished") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, " + (seed ? "" : "?, ") + "?, ?, " + (seed ? "?" : "?, ?") + ")";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, name);
            ps.setString(i++, namespace);
            ps.setString(i++, jobId);
            ps.setString(i++, version);
            ps.setString(i++, status);
            ps.setString(i++, kind);
            ps.setString(i++, resources);
            ps.setString(i++, deployRegion);
            ps.setString(i++, tenant);
            ps.setString(i++, owner);
            setInt(ps, i++, deleted);
            setInt(ps, i++, isInEtcd);
            if (!seed) {
                ps.setString(i++, remark);
            }
            LocalTimes.bind(ps, i++, gmtCreated, zone);
            LocalTimes.bind(ps, i++, gmtModified, zone);
            if (!seed) {
                LocalTimes.bind(ps, i++, gmtRunning, zone);
            }
            LocalTimes.bind(ps, i, gmtFinished, zone);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TINYINT);
        } else {
            ps.setInt(index, value);
        }
    }
}
