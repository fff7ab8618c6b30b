package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.mysql.schema.TableGeneration;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One row of a KubeDL table, mapped column by column to a record of ours: KubeDL's
 * local times converted from the source zone to UTC, {@code gmt_job_running} to
 * gmtRunning, {@code gmt_job_finished} (current) or {@code gmt_finished} (seed-era) to
 * gmtFinished, NULL region, tenant and owner to '', a NULL {@code is_in_etcd} to
 * "in etcd" (a reconcile decides), the soft-delete flag ({@code deleted} or
 * {@code is_del}) kept aside. The record is checked against the limits of our
 * columns, so a row that maps here also inserts.
 *
 * @param id the row's id in KubeDL's table
 * @param uid job_id or pod_id, possibly null
 * @param nullRegion true when deploy_region is NULL
 * @param softDeleted true when KubeDL's soft-delete flag is 1
 * @param job the job record (job tables), or null
 * @param pod the pod record (pod tables), or null
 */
record KubedlRow(long id, String uid, boolean nullRegion, boolean softDeleted, JobRecord job, PodRecord pod) {
    private static final RecordValidator LIMITS = new RecordValidator(FieldLimits.DEFAULT);

    /** @return the record's region ('' for NULL) */
    String region() {
        return job != null ? job.region() : pod.region();
    }

    /** @return the record's resourceVersion */
    ResourceVersion version() {
        return job != null ? job.version() : pod.version();
    }

    /** @return false once the row was marked removed from etcd */
    boolean inEtcd() {
        return job != null ? job.inEtcd() : pod.inEtcd();
    }

    /**
     * @param rs positioned on a row of a KubeDL job table
     * @param generation the table's generation
     * @param zone the zone of KubeDL's local times
     * @return the mapped row
     * @throws SQLException when a column cannot be read
     * @throws RuntimeException naming the field, when the row cannot become a record
     */
    static KubedlRow job(ResultSet rs, TableGeneration generation, ZoneId zone) throws SQLException {
        boolean seed = generation == TableGeneration.KUBEDL_SEED;
        Instant created = utc(rs, "gmt_created", zone);
        String version = rs.getString("version");
        String object = "job " + rs.getString("namespace") + "/" + rs.getString("name");
        JobRecord job = JobRecord.builder()
                .jobId(rs.getString("job_id"))
                .name(rs.getString("name"))
                .namespace(rs.getString("namespace"))
                .kind(rs.getString("kind"))
                .version(version == null ? null : ResourceVersion.of(version, object))
                .status(rs.getString("status"))
                .resources(rs.getString("resources"))
                .region(rs.getString("deploy_region"))
                .tenant(emptyWhenNull(rs.getString("tenant")))
                .owner(emptyWhenNull(rs.getString("owner")))
                .inEtcd(inEtcd(rs))
                .remark(seed ? null : rs.getString("remark"))
                .gmtCreated(created)
                .gmtModified(orElse(utc(rs, "gmt_modified", zone), created))
                .gmtRunning(seed ? null : utc(rs, "gmt_job_running", zone))
                .gmtFinished(utc(rs, seed ? "gmt_finished" : "gmt_job_finished", zone))
                .build();
        LIMITS.check(job);
        return new KubedlRow(rs.getLong("id"), job.jobId(), rs.getString("deploy_region") == null,
                flag(rs, "deleted"), job, null);
    }

    /**
     * @param rs positioned on a row of a KubeDL pod table
     * @param generation the table's generation
     * @param zone the zone of KubeDL's local times
     * @return the mapped row
     * @throws SQLException when a column cannot be read
     * @throws RuntimeException naming the field, when the row cannot become a record
     */
    static KubedlRow pod(ResultSet rs, TableGeneration generation, ZoneId zone) throws SQLException {
        Instant created = utc(rs, "gmt_created", zone);
        String version = rs.getString("version");
        String object = "pod " + rs.getString("namespace") + "/" + rs.getString("name");
        PodRecord pod = PodRecord.builder()
                .podId(rs.getString("pod_id"))
                .name(rs.getString("name"))
                .namespace(rs.getString("namespace"))
                .jobId(rs.getString("job_id"))
                .version(version == null ? null : ResourceVersion.of(version, object))
                .status(rs.getString("status"))
                .image(rs.getString("image"))
                .replicaType(rs.getString("replica_type"))
                .resources(rs.getString("resources"))
                .hostIp(rs.getString("host_ip"))
                .podIp(rs.getString("pod_ip"))
                .region(rs.getString("deploy_region"))
                .inEtcd(inEtcd(rs))
                .remark(rs.getString("remark"))
                .gmtCreated(created)
                .gmtModified(orElse(utc(rs, "gmt_modified", zone), created))
                .gmtStarted(utc(rs, "gmt_started", zone))
                .gmtFinished(utc(rs, "gmt_finished", zone))
                .build();
        LIMITS.check(pod);
        String deleted = generation == TableGeneration.KUBEDL_SEED ? "is_del" : "deleted";
        return new KubedlRow(rs.getLong("id"), pod.podId(), rs.getString("deploy_region") == null, flag(rs, deleted),
                null, pod);
    }

    private static Instant utc(ResultSet rs, String column, ZoneId zone) throws SQLException {
        LocalDateTime local = rs.getObject(column, LocalDateTime.class);
        // a local time in a DST overlap takes the earlier offset, in a gap it moves forward (ZonedDateTime rules)
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static boolean inEtcd(ResultSet rs) throws SQLException {
        int value = rs.getInt("is_in_etcd");
        return rs.wasNull() || value != 0;
    }

    private static boolean flag(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return !rs.wasNull() && value != 0;
    }

    private static String emptyWhenNull(String text) {
        return text == null ? "" : text;
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return value != null ? value : fallback;
    }
}
