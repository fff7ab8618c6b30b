package io.kubedl.persist.query;

import io.kubedl.persist.model.PodStatus;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A listing of pods (rule Q4): every filter is optional and they are ANDed. Results
 * are ordered by replica type, then replica index (the numeric suffix of the name,
 * so worker-10 comes after worker-9), then gmtCreated, then a stable tie-breaker.
 */
public final class PodQuery {
    private final String jobId;
    private final String namespace;
    private final String name;
    private final String replicaType;
    private final Set<PodStatus> statuses;
    private final String region;
    private final Boolean inEtcd;
    private final int pageSize;
    private final String pageToken;

    private PodQuery(Builder b) {
        jobId = b.jobId;
        namespace = b.namespace;
        name = b.name;
        replicaType = b.replicaType;
        statuses = b.statuses.stream().sorted(Comparator.comparing(PodStatus::value))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        region = b.region;
        inEtcd = b.inEtcd;
        pageSize = PageSize.check(b.pageSize);
        pageToken = b.pageToken;
    }

    /** @return a builder of a query that matches every pod */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param jobId the UID of a job
     * @return a query of that job's pods
     */
    public static PodQuery ofJob(String jobId) {
        return builder().jobId(jobId).build();
    }

    /** @return a builder holding this query's filters, page size and token */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param token a token from {@link Page#nextPageToken()}
     * @return this query for the page after it
     */
    public PodQuery nextPage(String token) {
        return toBuilder().pageToken(token).build();
    }

    /** @return UID of the controlling job */
    public Optional<String> jobId() { return Optional.ofNullable(jobId); }
    /** @return exact namespace */
    public Optional<String> namespace() { return Optional.ofNullable(namespace); }
    /** @return exact name */
    public Optional<String> name() { return Optional.ofNullable(name); }
    /** @return exact replica type */
    public Optional<String> replicaType() { return Optional.ofNullable(replicaType); }
    /** @return statuses, any of which matches; empty means any */
    public Set<PodStatus> statuses() { return Set.copyOf(statuses); }
    /** @return exact deploy region */
    public Optional<String> region() { return Optional.ofNullable(region); }
    /** @return whether the pod is still in etcd */
    public Optional<Boolean> inEtcd() { return Optional.ofNullable(inEtcd); }
    /** @return rows per page, 1..{@value PageSize#MAX} */
    public int pageSize() { return pageSize; }
    /** @return the token of the page to read, empty for the first page */
    public Optional<String> pageToken() { return Optional.ofNullable(pageToken); }

    /** @return a short hex digest of the filters, for binding page tokens (rule Q3) */
    public String filterFingerprint() {
        return new QueryFingerprint().add("pods", 1).add("jobId", jobId).add("namespace", namespace).add("name", name)
                .add("replicaType", replicaType).add("statuses", statuses).add("region", region).add("inEtcd", inEtcd)
                .digest();
    }

    @Override
    public String toString() {
        return "PodQuery[jobId=" + jobId + ", namespace=" + namespace + ", name=" + name + ", replicaType=" + replicaType
                + ", statuses=" + statuses + ", region=" + region + ", inEtcd=" + inEtcd + ", pageSize=" + pageSize
                + ", pageToken=" + (pageToken == null ? "none" : "set") + "]";
    }

    /** Mutable builder of a {@link PodQuery}. */
    public static final class Builder {
        private String jobId;
        private String namespace;
        private String name;
        private String replicaType;
        private Set<PodStatus> statuses = new LinkedHashSet<>();
        private String region;
        private Boolean inEtcd;
        private int pageSize = PageSize.DEFAULT;
        private String pageToken;

        private Builder() {
        }

        private Builder(PodQuery q) {
            jobId = q.jobId;
            namespace = q.namespace;
            name = q.name;
            replicaType = q.replicaType;
            statuses = new LinkedHashSet<>(q.statuses);
            region = q.region;
            inEtcd = q.inEtcd;
            pageSize = q.pageSize;
            pageToken = q.pageToken;
        }

        /**
         * @param v UID of the controlling job, null for any
         * @return this
         */
        public Builder jobId(String v) { jobId = v; return this; }
        /**
         * @param v exact namespace, null for any
         * @return this
         */
        public Builder namespace(String v) { namespace = v; return this; }
        /**
         * @param v exact name, null for any
         * @return this
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * @param v exact replica type, null for any
         * @return this
         */
        public Builder replicaType(String v) { replicaType = v; return this; }
        /**
         * @param v statuses, any of which matches; none for any
         * @return this
         */
        public Builder statuses(PodStatus... v) { statuses = new LinkedHashSet<>(Set.of(v)); return this; }
        /**
         * @param v statuses, any of which matches; empty for any
         * @return this
         */
        public Builder statuses(Set<PodStatus> v) { statuses = new LinkedHashSet<>(v); return this; }
        /**
         * @param v exact region, null for any
         * @return this
         */
        public Builder region(String v) { region = v; return this; }
        /**
         * @param v whether still in etcd, null for any
         * @return this
         */
        public Builder inEtcd(Boolean v) { inEtcd = v; return this; }
        /**
         * @param v rows per page, 1..{@value PageSize#MAX}
         * @return this
         */
        public Builder pageSize(int v) { pageSize = v; return this; }
        /**
         * @param v token of the page to read, null for the first
         * @return this
         */
        public Builder pageToken(String v) { pageToken = v; return this; }

        /** @return the validated query */
        public PodQuery build() {
            return new PodQuery(this);
        }
    }
}
