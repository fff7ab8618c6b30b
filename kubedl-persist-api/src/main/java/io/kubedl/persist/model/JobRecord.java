package io.kubedl.persist.model;

import io.kubedl.persist.InvalidRecordException;
import java.time.Instant;

/**
 * One observed state of a training job (TFJob, PyTorchJob, ...), as stored. The
 * fields are the seed's job columns plus {@code gmtRunning} and {@code remark}.
 * Times are UTC instants truncated to seconds.
 *
 * <p>Construction validates what every store needs (rule V1): region (empty when
 * null), jobId, name, namespace, kind, version, status and gmtCreated must be
 * present. Store-specific limits (V2) are checked by the store.
 *
 * @param region deploy region (IDC); part of the identity; never null
 * @param jobId Kubernetes UID; part of the identity
 * @param name metadata.name
 * @param namespace metadata.namespace
 * @param kind the custom resource kind, e.g. {@code TFJob}
 * @param version metadata.resourceVersion
 * @param status the observed status
 * @param resources JSON of the replicas and their resources, or null
 * @param tenant tenant of a multi-tenant cluster, or null
 * @param owner the user who owns the job, or null
 * @param inEtcd false once the job was removed from the api-server (rule D1)
 * @param gmtCreated metadata.creationTimestamp
 * @param gmtModified time of the last status transition; the store sets it when null
 * @param gmtRunning when the job first ran, or null
 * @param gmtFinished when the job finished, or null
 * @param remark free text (e.g. a tensorboard address), or null
 */
public record JobRecord(
        String region,
        String jobId,
        String name,
        String namespace,
        String kind,
        ResourceVersion version,
        JobStatus status,
        String resources,
        String tenant,
        String owner,
        boolean inEtcd,
        Instant gmtCreated,
        Instant gmtModified,
        Instant gmtRunning,
        Instant gmtFinished,
        String remark) {

    /**
     * @param region deploy region (IDC); part of the identity; never null
     * @param jobId Kubernetes UID; part of the identity
     * @param name metadata.name
     * @param namespace metadata.namespace
     * @param kind the custom resource kind, e.g. {@code TFJob}
     * @param version metadata.resourceVersion
     * @param status the observed status
     * @param resources JSON of the replicas and their resources, or null
     * @param tenant tenant of a multi-tenant cluster, or null
     * @param owner the user who owns the job, or null
     * @param inEtcd false once the job was removed from the api-server (rule D1)
     * @param gmtCreated metadata.creationTimestamp
     * @param gmtModified time of the last status transition; the store sets it when null
     * @param gmtRunning when the job first ran, or null
     * @param gmtFinished when the job finished, or null
     * @param remark free text (e.g. a tensorboard address), or null
     * @throws InvalidRecordException naming the first missing field
     */
    public JobRecord {
        region = region == null ? "" : region;
        RecordFields.required("jobId", jobId);
        RecordFields.required("name", name);
        RecordFields.required("namespace", namespace);
        RecordFields.required("kind", kind);
        String object = "job " + namespace + "/" + name;
        RecordFields.required("version", version, object);
        RecordFields.required("status", status, object);
        RecordFields.required("gmtCreated", gmtCreated, object);
        gmtCreated = RecordFields.seconds(gmtCreated);
        gmtModified = RecordFields.seconds(gmtModified);
        gmtRunning = RecordFields.seconds(gmtRunning);
        gmtFinished = RecordFields.seconds(gmtFinished);
    }

    /** @return a builder with no field set, status Created and inEtcd true */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every field of this record */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the identity of this row */
    public JobKey key() {
        return new JobKey(region, jobId);
    }

    /**
     * @param newVersion the version
     * @param newStatus the status
     * @return a copy with both replaced
     */
    public JobRecord withVersionAndStatus(String newVersion, JobStatus newStatus) {
        return toBuilder().version(newVersion).status(newStatus).build();
    }

    /**
     * @param newStatus the status
     * @return a copy with the status replaced
     */
    public JobRecord withStatus(JobStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    /**
     * @param newVersion the version
     * @return a copy with the version replaced
     */
    public JobRecord withVersion(String newVersion) {
        return toBuilder().version(newVersion).build();
    }

    /**
     * @param newInEtcd whether still in etcd
     * @return a copy with inEtcd replaced
     */
    public JobRecord withInEtcd(boolean newInEtcd) {
        return toBuilder().inEtcd(newInEtcd).build();
    }

    @Override
    public String toString() {
        return "JobRecord[" + kind + " " + namespace + "/" + name + ", key=" + key() + ", version=" + version
                + ", status=" + status + ", inEtcd=" + inEtcd + ", gmtCreated=" + gmtCreated
                + ", gmtModified=" + gmtModified + ", gmtRunning=" + gmtRunning + ", gmtFinished=" + gmtFinished
                + ", tenant=" + tenant + ", owner=" + owner + ", resources=" + resources + ", remark=" + remark + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String region = "";
        private String jobId;
        private String name;
        private String namespace;
        private String kind;
        private ResourceVersion version;
        private JobStatus status = JobStatus.CREATED;
        private String resources;
        private String tenant;
        private String owner;
        private boolean inEtcd = true;
        private Instant gmtCreated;
        private Instant gmtModified;
        private Instant gmtRunning;
        private Instant gmtFinished;
        private String remark;

        private Builder() {
        }

        private Builder(JobRecord r) {
            region = r.region;
            jobId = r.jobId;
            name = r.name;
            namespace = r.namespace;
            kind = r.kind;
            version = r.version;
            status = r.status;
            resources = r.resources;
            tenant = r.tenant;
            owner = r.owner;
            inEtcd = r.inEtcd;
            gmtCreated = r.gmtCreated;
            gmtModified = r.gmtModified;
            gmtRunning = r.gmtRunning;
            gmtFinished = r.gmtFinished;
            remark = r.remark;
        }

        /**
         * @param v deploy region
         * @return this
         */
        public Builder region(String v) { region = v; return this; }
        /**
         * @param v Kubernetes UID
         * @return this
         */
        public Builder jobId(String v) { jobId = v; return this; }
        /**
         * @param v name
         * @return this
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * @param v namespace
         * @return this
         */
        public Builder namespace(String v) { namespace = v; return this; }
        /**
         * @param v kind
         * @return this
         */
        public Builder kind(String v) { kind = v; return this; }
        /**
         * @param v resourceVersion, validated as KEP-5504
         * @return this
         */
        public Builder version(String v) {
            version = v == null ? null : ResourceVersion.of(v, "job " + namespace + "/" + name);
            return this;
        }
        /**
         * @param v resourceVersion
         * @return this
         */
        public Builder version(ResourceVersion v) { version = v; return this; }
        /**
         * @param v status
         * @return this
         */
        public Builder status(JobStatus v) { status = v; return this; }
        /**
         * @param v status string, unknown ones kept
         * @return this
         */
        public Builder status(String v) { status = v == null ? null : JobStatus.of(v); return this; }
        /**
         * @param v resources JSON
         * @return this
         */
        public Builder resources(String v) { resources = v; return this; }
        /**
         * @param v tenant
         * @return this
         */
        public Builder tenant(String v) { tenant = v; return this; }
        /**
         * @param v owner
         * @return this
         */
        public Builder owner(String v) { owner = v; return this; }
        /**
         * @param v whether still in etcd
         * @return this
         */
        public Builder inEtcd(boolean v) { inEtcd = v; return this; }
        /**
         * @param v creation time
         * @return this
         */
        public Builder gmtCreated(Instant v) { gmtCreated = v; return this; }
        /**
         * @param v last status transition
         * @return this
         */
        public Builder gmtModified(Instant v) { gmtModified = v; return this; }
        /**
         * @param v first running time
         * @return this
         */
        public Builder gmtRunning(Instant v) { gmtRunning = v; return this; }
        /**
         * @param v finish time
         * @return this
         */
        public Builder gmtFinished(Instant v) { gmtFinished = v; return this; }
        /**
         * @param v remark
         * @return this
         */
        public Builder remark(String v) { remark = v; return this; }

        /** @return the validated record */
        public JobRecord build() {
            return new JobRecord(region, jobId, name, namespace, kind, version, status, resources, tenant, owner,
                    inEtcd, gmtCreated, gmtModified, gmtRunning, gmtFinished, remark);
        }
    }
}
