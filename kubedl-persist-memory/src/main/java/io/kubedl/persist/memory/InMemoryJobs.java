package io.kubedl.persist.memory;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PageCursor;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs of an {@link InMemoryMetaStore}. Listings are ordered by gmtCreated
 * descending, then by insertion sequence descending (the unique tie-breaker, as the
 * MySQL provider's auto-increment id); page tokens hold both (Q2, Q3).
 */
class InMemoryJobs implements JobPersist {
    static final Comparator<MemoryTable.Row<JobRecord>> NEWEST_FIRST =
            Comparator.comparing((MemoryTable.Row<JobRecord> row) -> row.record().gmtCreated())
                    .thenComparingLong(MemoryTable.Row::seq).reversed();

    final StoreGate gate;
    final JobTable table;
    final PodTable pods;

    InMemoryJobs(StoreGate gate, JobTable table, PodTable pods) {
        this.gate = gate;
        this.table = table;
        this.pods = pods;
    }

    @Override
    public WriteOutcome save(JobRecord job) {
        gate.checkOpen();
        return table.save(job);
    }

    @Override
    public List<WriteOutcome> saveAll(List<JobRecord> jobs) {
        gate.checkOpen();
        return table.saveAll(jobs);
    }

    @Override
    public Optional<JobRecord> get(JobKey key) {
        gate.checkOpen();
        return table.get(RequiredArgument.of("key", key));
    }

    @Override
    public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
        gate.checkOpen();
        RequiredArgument.of("namespace", namespace);
        RequiredArgument.of("name", name);
        RequiredArgument.of("kind", kind);
        return table.rows()
                .filter(row -> row.record().namespace().equals(namespace) && row.record().name().equals(name)
                        && row.record().kind().equals(kind))
                .sorted(NEWEST_FIRST)
                .findFirst()
                .map(MemoryTable.Row::record);
    }

    @Override
    public Page<JobRecord> list(JobQuery query) {
        gate.checkOpen();
        RequiredArgument.of("query", query);
        String fingerprint = fingerprint(query);
        List<MemoryTable.Row<JobRecord>> sorted = table.rows().filter(row -> matches(query, row.record())).sorted(NEWEST_FIRST).toList();
        int start = query.pageToken().map(token -> indexAfter(sorted, PageCursor.decode(token, fingerprint, 2))).orElse(0);
        int end = Math.min(sorted.size(), start + query.pageSize());
        List<JobRecord> items = sorted.subList(start, end).stream().map(MemoryTable.Row::record).toList();
        String next = null;
        if (end < sorted.size()) {
            MemoryTable.Row<JobRecord> last = sorted.get(end - 1);
            next = PageCursor.encode(fingerprint, List.of(Long.toString(last.record().gmtCreated().getEpochSecond()), Long.toString(last.seq())));
        }
        return new Page<>(items, next);
    }

    @Override
    public long count(JobQuery query) {
        gate.checkOpen();
        RequiredArgument.of("query", query);
        return table.rows().filter(row -> matches(query, row.record())).count();
    }

    @Override
    public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
        gate.checkOpen();
        return table.markRemoved(requiredKey(key), removedAt);
    }

    @Override
    public boolean delete(JobKey key) {
        gate.checkOpen();
        Optional<JobRecord> deleted = table.delete(requiredKey(key));
        deleted.ifPresent(this::deletePodsOf);
        return deleted.isPresent();
    }

    @Override
    public int reconcile(String region, Set<String> kinds, Set<String> liveJobIds, Instant removedAt) {
        gate.checkOpen();
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidRecordException("kinds", "must name at least one kind to reconcile, e.g. TFJob");
        }
        if (liveJobIds == null) {
            throw new InvalidRecordException("liveJobIds", "must not be null; pass an empty set when no job is live");
        }
        String watched = region == null ? "" : region;
        Set<String> kindSet = Set.copyOf(kinds);
        Set<String> live = Set.copyOf(liveJobIds);
        return table.markRemovedWhere(job -> reconciles(job, watched, kindSet, live), removedAt);
    }

    @Override
    public int purge(Instant finishedBefore) {
        gate.checkOpen();
        Instant before = MemoryTable.requiredTime("finishedBefore", finishedBefore);
        List<JobRecord> purged = table.deleteWhere(job -> purges(job, before));
        purged.forEach(this::deletePodsOf);
        return purged.size();
    }

    /** D3: whether reconcile marks this job removed. */
    boolean reconciles(JobRecord job, String region, Set<String> kinds, Set<String> live) {
        return job.region().equals(region) && kinds.contains(job.kind()) && !live.contains(job.jobId());
    }

    /** D4: whether purge deletes this job. */
    boolean purges(JobRecord job, Instant before) {
        return !job.inEtcd() && job.gmtFinished() != null && job.gmtFinished().isBefore(before);
    }

    /** D2, D4: a job takes the pods of its region and UID with it. */
    void deletePodsOf(JobRecord job) {
        pods.deleteWhere(pod -> pod.region().equals(job.region()) && pod.jobId().equals(job.jobId()));
    }

    /** Q3: tokens are bound to the filters. */
    String fingerprint(JobQuery query) {
        return query.filterFingerprint();
    }

    /** Q2, Q6: every filter ANDed; nameContains is a literal substring. */
    boolean matches(JobQuery q, JobRecord job) {
        return q.namespace().map(job.namespace()::equals).orElse(true)
                && q.name().map(job.name()::equals).orElse(true)
                && q.nameContains().map(job.name()::contains).orElse(true)
                && q.kind().map(job.kind()::equals).orElse(true)
                && (q.statuses().isEmpty() || q.statuses().contains(job.status()))
                && q.region().map(job.region()::equals).orElse(true)
                && q.tenant().map(t -> t.equals(job.tenant())).orElse(true)
                && q.owner().map(o -> o.equals(job.owner())).orElse(true)
                && q.jobId().map(job.jobId()::equals).orElse(true)
                && q.inEtcd().map(e -> e == job.inEtcd()).orElse(true)
                && q.createdFrom().map(from -> !job.gmtCreated().isBefore(from)).orElse(true)
                && q.createdTo().map(to -> job.gmtCreated().isBefore(to)).orElse(true);
    }

    /** Q3: the index of the first row strictly after the position of a page token. */
    int indexAfter(List<MemoryTable.Row<JobRecord>> sorted, List<String> position) {
        long created;
        long seq;
        try {
            created = Long.parseLong(position.get(0));
            seq = Long.parseLong(position.get(1));
        } catch (NumberFormatException e) {
            throw new InvalidPageTokenException("is not a token of this listing (bad position)");
        }
        int index = 0;
        while (index < sorted.size() && !isAfter(sorted.get(index), created, seq)) {
            index++;
        }
        return index;
    }

    private static boolean isAfter(MemoryTable.Row<JobRecord> row, long created, long seq) {
        long rowCreated = row.record().gmtCreated().getEpochSecond();
        return rowCreated < created || (rowCreated == created && row.seq() < seq);
    }

    static JobKey requiredKey(JobKey key) {
        return RequiredArgument.of("key", key);
    }

    @Override
    public String toString() {
        return "InMemoryJobs[" + table.size() + " rows]";
    }
}
