package io.kubedl.persist.model;

import io.kubedl.persist.InvalidRecordException;
import java.time.Instant;

/**
 * One observed state of a pod of a training job, as stored. The fields are the
 * seed's pod columns. Times are UTC instants truncated to seconds.
 *
 * <p>Construction validates what every store needs (rule V1): region (empty when
 * null), podId, name, namespace, jobId, version, status and gmtCreated must be
 * present. Store-specific limits (V2) are checked by the store.
 *
 * @param region deploy region; part of the identity; never null
 * @param podId Kubernetes UID; part of the identity
 * @param name metadata.name
 * @param namespace metadata.namespace
 * @param version metadata.resourceVersion
 * @param status the observed phase
 * @param image image of the main container, or null
 * @param jobId UID of the job that controls this pod
 * @param replicaType replica type, e.g. {@code worker}, or null
 * @param resources JSON of the pod's resource requests and limits, or null
 * @param hostIp status.hostIP, or null
 * @param podIp status.podIP, or null
 * @param inEtcd false once the pod was removed from the api-server (rule D1)
 * @param remark free text (e.g. why it failed), or null
 * @param gmtCreated metadata.creationTimestamp
 * @param gmtModified time of the last status transition; the store sets it when null
 * @param gmtStarted when the main container started, or null
 * @param gmtFinished when the pod finished, or null
 */
public record PodRecord(
        String region,
        String podId,
        String name,
        String namespace,
        ResourceVersion version,
        PodStatus status,
        String image,
        String jobId,
        String replicaType,
        String resources,
        String hostIp,
        String podIp,
        boolean inEtcd,
        String remark,
        Instant gmtCreated,
        Instant gmtModified,
        Instant gmtStarted,
        Instant gmtFinished) {

    /**
     * @param region deploy region; part of the identity; never null
     * @param podId Kubernetes UID; part of the identity
     * @param name metadata.name
     * @param namespace metadata.namespace
     * @param version metadata.resourceVersion
     * @param status the observed phase
     * @param image image of the main container, or null
     * @param jobId UID of the job that controls this pod
     * @param replicaType replica type, e.g. {@code worker}, or null
     * @param resources JSON of the pod's resource requests and limits, or null
     * @param hostIp status.hostIP, or null
     * @param podIp status.podIP, or null
     * @param inEtcd false once the pod was removed from the api-server (rule D1)
     * @param remark free text (e.g. why it failed), or null
     * @param gmtCreated metadata.creationTimestamp
     * @param gmtModified time of the last status transition; the store sets it when null
     * @param gmtStarted when the main container started, or null
     * @param gmtFinished when the pod finished, or null
     * @throws InvalidRecordException naming the first missing field
     */
    public PodRecord {
        region = region == null ? "" : region;
        RecordFields.required("podId", podId);
        RecordFields.required("name", name);
        RecordFields.required("namespace", namespace);
        RecordFields.required("jobId", jobId);
        String object = "pod " + namespace + "/" + name;
        RecordFields.required("version", version, object);
        RecordFields.required("status", status, object);
        RecordFields.required("gmtCreated", gmtCreated, object);
        gmtCreated = RecordFields.seconds(gmtCreated);
        gmtModified = RecordFields.seconds(gmtModified);
        gmtStarted = RecordFields.seconds(gmtStarted);
        gmtFinished = RecordFields.seconds(gmtFinished);
    }

    /** @return a builder with no field set, status Pending and inEtcd true */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every field of this record */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the identity of this row */
    public PodKey key() {
        return new PodKey(region, podId);
    }

    /** @return the key of the job that controls this pod, in the pod's region */
    public JobKey jobKey() {
        return new JobKey(region, jobId);
    }

    /**
     * The replica index used to order pods (rule Q4): the decimal suffix after the
     * last '-' of the name ({@code mnist-worker-10} is 10), or -1 when the name has
     * none or it does not fit nine digits.
     *
     * @return the replica index, or -1
     */
    public int replicaIndex() {
        return replicaIndexOf(name);
    }

    /**
     * @param podName a pod name
     * @return the decimal suffix after the last '-', or -1
     */
    public static int replicaIndexOf(String podName) {
        int dash = podName.lastIndexOf('-');
        int digits = podName.length() - dash - 1;
        if (dash < 0 || digits == 0 || digits > 9) {
            return -1;
        }
        int index = 0;
        for (int i = dash + 1; i < podName.length(); i++) {
            char c = podName.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /**
     * @param newVersion the version
     * @param newStatus the status
     * @return a copy with both replaced
     */
    public PodRecord withVersionAndStatus(String newVersion, PodStatus newStatus) {
        return toBuilder().version(newVersion).status(newStatus).build();
    }

    /**
     * @param newStatus the status
     * @return a copy with the status replaced
     */
    public PodRecord withStatus(PodStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    /**
     * @param newVersion the version
     * @return a copy with the version replaced
     */
    public PodRecord withVersion(String newVersion) {
        return toBuilder().version(newVersion).build();
    }

    /**
     * @param newInEtcd whether still in etcd
     * @return a copy with inEtcd replaced
     */
    public PodRecord withInEtcd(boolean newInEtcd) {
        return toBuilder().inEtcd(newInEtcd).build();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String region = "";
        private String podId;
        private String name;
        private String namespace;
        private ResourceVersion version;
        private PodStatus status = PodStatus.PENDING;
        private String image;
        private String jobId;
        private String replicaType;
        private String resources;
        private String hostIp;
        private String podIp;
        private boolean inEtcd = true;
        private String remark;
        private Instant gmtCreated;
        private Instant gmtModified;
        private Instant gmtStarted;
        private Instant gmtFinished;

        private Builder() {
        }

        private Builder(PodRecord r) {
            region = r.region;
            podId = r.podId;
            name = r.name;
            namespace = r.namespace;
            version = r.version;
            status = r.status;
            image = r.image;
            jobId = r.jobId;
            replicaType = r.replicaType;
            resources = r.resources;
            hostIp = r.hostIp;
            podIp = r.podIp;
            inEtcd = r.inEtcd;
            remark = r.remark;
            gmtCreated = r.gmtCreated;
            gmtModified = r.gmtModified;
            gmtStarted = r.gmtStarted;
            gmtFinished = r.gmtFinished;
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
        public Builder podId(String v) { podId = v; return this; }
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
         * @param v resourceVersion, validated as KEP-5504
         * @return this
         */
        public Builder version(String v) {
            version = v == null ? null : ResourceVersion.of(v, "pod " + namespace + "/" + name);
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
        public Builder status(PodStatus v) { status = v; return this; }
        /**
         * @param v phase string, unknown ones kept
         * @return this
         */
        public Builder status(String v) { status = v == null ? null : PodStatus.of(v); return this; }
        /**
         * @param v main container image
         * @return this
         */
        public Builder image(String v) { image = v; return this; }
        /**
         * @param v UID of the controlling job
         * @return this
         */
        public Builder jobId(String v) { jobId = v; return this; }
        /**
         * @param v replica type
         * @return this
         */
        public Builder replicaType(String v) { replicaType = v; return this; }
        /**
         * @param v resources JSON
         * @return this
         */
        public Builder resources(String v) { resources = v; return this; }
        /**
         * @param v host IP
         * @return this
         */
        public Builder hostIp(String v) { hostIp = v; return this; }
        /**
         * @param v pod IP
         * @return this
         */
        public Builder podIp(String v) { podIp = v; return this; }
        /**
         * @param v whether still in etcd
         * @return this
         */
        public Builder inEtcd(boolean v) { inEtcd = v; return this; }
        /**
         * @param v remark
         * @return this
         */
        public Builder remark(String v) { remark = v; return this; }
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
         * @param v main container start
         * @return this
         */
        public Builder gmtStarted(Instant v) { gmtStarted = v; return this; }
        /**
         * @param v finish time
         * @return this
         */
        public Builder gmtFinished(Instant v) { gmtFinished = v; return this; }

        /** @return the validated record */
        public PodRecord build() {
            return new PodRecord(region, podId, name, namespace, version, status, image, jobId, replicaType,
                    resources, hostIp, podIp, inEtcd, remark, gmtCreated, gmtModified, gmtStarted, gmtFinished);
        }
    }
}
