package io.kubedl.persist.query;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A listing of jobs (rule Q2): every filter is optional and they are ANDed. Results
 * are ordered by gmtCreated descending with a stable tie-breaker. Values are data,
 * never SQL: {@code nameContains} matches its characters literally (rule Q6).
 *
 * <p>Build with {@link #builder()}; the builder validates once, then the query is
 * immutable. Use {@link #nextPage(String)} to ask for the page after a token.
 */
public final class JobQuery {
    private final String namespace;
    private final String name;
    private final String nameContains;
    private final String kind;
    private final Set<JobStatus> statuses;
    private final String region;
    private final String tenant;
    private final String owner;
    private final String jobId;
    private final Boolean inEtcd;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final int pageSize;
    private final String pageToken;

    private JobQuery(Builder b) {
        namespace = b.namespace;
        name = b.name;
        nameContains = b.nameContains;
        kind = b.kind;
        statuses = b.statuses.stream().sorted(Comparator.comparing(JobStatus::value))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        region = b.region;
        tenant = b.tenant;
        owner = b.owner;
        jobId = b.jobId;
        inEtcd = b.inEtcd;
        createdFrom = b.createdFrom;
        createdTo = b.createdTo;
        pageSize = PageSize.check(b.pageSize);
        pageToken = b.pageToken;
        if (nameContains != null && nameContains.isEmpty()) {
            throw new InvalidRecordException("nameContains", "must not be empty; leave it unset to match every name");
        }
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            throw new InvalidRecordException("createdFrom", "must be before createdTo (" + createdFrom + " >= " + createdTo + ")");
        }
    }

    /** @return a builder of a query that matches every job */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this query's filters, page size and token */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param token a token from {@link Page#nextPageToken()}
     * @return this query for the page after it
     */
    public JobQuery nextPage(String token) {
        return toBuilder().pageToken(token).build();
    }

    /** @return exact namespace */
    public Optional<String> namespace() { return Optional.ofNullable(namespace); }
    /** @return exact name */
    public Optional<String> name() { return Optional.ofNullable(name); }
    /** @return substring of the name, matched literally */
    public Optional<String> nameContains() { return Optional.ofNullable(nameContains); }
    /** @return exact kind */
    public Optional<String> kind() { return Optional.ofNullable(kind); }
    /** @return statuses, any of which matches; empty means any status */
    public Set<JobStatus> statuses() { return Set.copyOf(statuses); }
    /** @return exact deploy region */
    public Optional<String> region() { return Optional.ofNullable(region); }
    /** @return exact tenant */
    public Optional<String> tenant() { return Optional.ofNullable(tenant); }
    /** @return exact owner */
    public Optional<String> owner() { return Optional.ofNullable(owner); }
    /** @return exact job UID */
    public Optional<String> jobId() { return Optional.ofNullable(jobId); }
    /** @return whether the job is still in etcd */
    public Optional<Boolean> inEtcd() { return Optional.ofNullable(inEtcd); }
    /** @return inclusive lower bound of gmtCreated */
    public Optional<Instant> createdFrom() { return Optional.ofNullable(createdFrom); }
    /** @return exclusive upper bound of gmtCreated */
    public Optional<Instant> createdTo() { return Optional.ofNullable(createdTo); }
    /** @return rows per page, 1..{@value PageSize#MAX} */
    public int pageSize() { return pageSize; }
    /** @return the token of the page to read, empty for the first page */
    public Optional<String> pageToken() { return Optional.ofNullable(pageToken); }

    /**
     * A digest of the filters (not the page size or token). Providers put it into
     * their page tokens so that a token is refused with another filter (rule Q3).
     *
     * @return a short hex digest
     */
    public String filterFingerprint() {
        return new QueryFingerprint().add("jobs", 1).add("namespace", namespace).add("name", name)
                .add("nameContains", nameContains).add("kind", kind).add("statuses", statuses).add("region", region)
                .add("tenant", tenant).add("owner", owner).add("jobId", jobId).add("inEtcd", inEtcd)
                .add("createdFrom", createdFrom).add("createdTo", createdTo).digest();
    }

    @Override
    public String toString() {
        return "JobQuery[namespace=" + namespace + ", name=" + name + ", nameContains=" + nameContains + ", kind=" + kind
                + ", statuses=" + statuses + ", region=" + region + ", tenant=" + tenant + ", owner=" + owner
                + ", jobId=" + jobId + ", inEtcd=" + inEtcd + ", createdFrom=" + createdFrom + ", createdTo=" + createdTo
                + ", pageSize=" + pageSize + ", pageToken=" + (pageToken == null ? "none" : "set") + "]";
    }

    /** Mutable builder of a {@link JobQuery}. */
    public static final class Builder {
        private String namespace;
        private String name;
        private String nameContains;
        private String kind;
        private Set<JobStatus> statuses = new LinkedHashSet<>();
        private String region;
        private String tenant;
        private String owner;
        private String jobId;
        private Boolean inEtcd;
        private Instant createdFrom;
        private Instant createdTo;
        private int pageSize = PageSize.DEFAULT;
        private String pageToken;

        private Builder() {
        }

        private Builder(JobQuery q) {
            namespace = q.namespace;
            name = q.name;
            nameContains = q.nameContains;
            kind = q.kind;
            statuses = new LinkedHashSet<>(q.statuses);
            region = q.region;
            tenant = q.tenant;
            owner = q.owner;
            jobId = q.jobId;
            inEtcd = q.inEtcd;
            createdFrom = q.createdFrom;
            createdTo = q.createdTo;
            pageSize = q.pageSize;
            pageToken = q.pageToken;
        }

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
         * @param v literal substring of the name, null for any
         * @return this
         */
        public Builder nameContains(String v) { nameContains = v; return this; }
        /**
         * @param v exact kind, null for any
         * @return this
         */
        public Builder kind(String v) { kind = v; return this; }
        /**
         * @param v statuses, any of which matches; none for any
         * @return this
         */
        public Builder statuses(JobStatus... v) { statuses = new LinkedHashSet<>(Set.of(v)); return this; }
        /**
         * @param v statuses, any of which matches; empty for any
         * @return this
         */
        public Builder statuses(Set<JobStatus> v) { statuses = new LinkedHashSet<>(v); return this; }
        /**
         * @param v exact region, null for any
         * @return this
         */
        public Builder region(String v) { region = v; return this; }
        /**
         * @param v exact tenant, null for any
         * @return this
         */
        public Builder tenant(String v) { tenant = v; return this; }
        /**
         * @param v exact owner, null for any
         * @return this
         */
        public Builder owner(String v) { owner = v; return this; }
        /**
         * @param v exact job UID, null for any
         * @return this
         */
        public Builder jobId(String v) { jobId = v; return this; }
        /**
         * @param v whether still in etcd, null for any
         * @return this
         */
        public Builder inEtcd(Boolean v) { inEtcd = v; return this; }
        /**
         * @param v inclusive lower bound of gmtCreated (truncated to seconds)
         * @return this
         */
        public Builder createdFrom(Instant v) { createdFrom = v == null ? null : v.truncatedTo(ChronoUnit.SECONDS); return this; }
        /**
         * @param v exclusive upper bound of gmtCreated (truncated to seconds)
         * @return this
         */
        public Builder createdTo(Instant v) { createdTo = v == null ? null : v.truncatedTo(ChronoUnit.SECONDS); return this; }
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

        /**
         * @return the validated query
         * @throws InvalidRecordException naming the field and its limit
         */
        public JobQuery build() {
            return new JobQuery(this);
        }
    }
}
