package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PodPersist;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Times the writes the write-behind store makes to the provider (each saveAll batch,
 * each markRemoved or markRemovedAll) and counts the rows it sends, without changing what they do.
 */
final class TimedPersist {
    private final LatencySamples latency;
    private final AtomicLong rows = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentSkipListMap<>();

    TimedPersist(LatencySamples latency) {
        this.latency = latency;
    }

    /** Times one write call and counts the rows it covered. */
    private <T> T timed(String operation, int rowCount, Supplier<T> call) {
        calls.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        long t = System.nanoTime();
        T result = call.get();
        latency.since(t);
        rows.addAndGet(rowCount);
        return result;
    }

    long rows() {
        return rows.get();
    }

    /** @return calls made per operation, e.g. "pods.saveAll=21, pods.markRemovedAll=40" */
    String calls() {
        return describe(callCounts());
    }

    /** @return calls made so far per operation, sorted by operation */
    Map<String, Long> callCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach((op, n) -> counts.put(op, n.get()));
        return counts;
    }

    /** @return e.g. "pods.saveAll=21, pods.markRemovedAll=40", or "none" */
    static String describe(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((op, n) -> {
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(op).append('=').append(n);
            }
        });
        return out.length() == 0 ? "none" : out.toString();
    }

    JobPersist jobs(JobPersist delegate) {
        return new JobPersist() {
            @Override
            public WriteOutcome save(JobRecord job) {
                return saveAll(List.of(job)).get(0);
            }

            @Override
            public List<WriteOutcome> saveAll(List<JobRecord> jobs) {
                return timed("jobs.saveAll", jobs.size(), () -> delegate.saveAll(jobs));
            }

            @Override
            public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                return timed("jobs.markRemoved", 1, () -> delegate.markRemoved(key, removedAt));
            }

            @Override
            public List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) {
                return timed("jobs.markRemovedAll", keys.size(), () -> delegate.markRemovedAll(keys, removedAt));
            }

            @Override
            public Optional<JobRecord> get(JobKey key) {
                return delegate.get(key);
            }

            @Override
            public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
                return delegate.findLatest(namespace, name, kind);
            }

            @Override
            public Page<JobRecord> list(JobQuery query) {
                return delegate.list(query);
            }

            @Override
            public long count(JobQuery query) {
                return delegate.count(query);
            }

            @Override
            public boolean delete(JobKey key) {
                return delegate.delete(key);
            }
        };
    }

    PodPersist pods(PodPersist delegate) {
        return new PodPersist() {
            @Override
            public WriteOutcome save(PodRecord pod) {
                return saveAll(List.of(pod)).get(0);
            }

            @Override
            public List<WriteOutcome> saveAll(List<PodRecord> pods) {
                return timed("pods.saveAll", pods.size(), () -> delegate.saveAll(pods));
            }

            @Override
            public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
                return timed("pods.markRemoved", 1, () -> delegate.markRemoved(key, removedAt));
            }

            @Override
            public List<WriteOutcome> markRemovedAll(List<PodKey> keys, Instant removedAt) {
                return timed("pods.markRemovedAll", keys.size(), () -> delegate.markRemovedAll(keys, removedAt));
            }

            @Override
            public Optional<PodRecord> get(PodKey key) {
                return delegate.get(key);
            }

            @Override
            public Optional<PodRecord> findLatest(String namespace, String name) {
                return delegate.findLatest(namespace, name);
            }

            @Override
            public Page<PodRecord> list(PodQuery query) {
                return delegate.list(query);
            }

            @Override
            public long count(PodQuery query) {
                return delegate.count(query);
            }

            @Override
            public boolean delete(PodKey key) {
                return delegate.delete(key);
            }
        };
    }
}
