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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the writes the write-behind store makes to the provider (each saveAll batch,
 * each markRemoved or markRemovedAll) and counts the rows it sends, without changing what they do.
 */
final class TimedPersist {
    private final LatencySamples latency;
    private final AtomicLong rows = new AtomicLong();

    TimedPersist(LatencySamples latency) {
        this.latency = latency;
    }

    long rows() {
        return rows.get();
    }

    JobPersist jobs(JobPersist delegate) {
        return new JobPersist() {
            @Override
            public WriteOutcome save(JobRecord job) {
                return saveAll(List.of(job)).get(0);
            }

            @Override
            public List<WriteOutcome> saveAll(List<JobRecord> jobs) {
                long t = System.nanoTime();
                List<WriteOutcome> outcomes = delegate.saveAll(jobs);
                latency.since(t);
                rows.addAndGet(jobs.size());
                return outcomes;
            }

            @Override
            public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                long t = System.nanoTime();
                WriteOutcome outcome = delegate.markRemoved(key, removedAt);
                latency.since(t);
                rows.incrementAndGet();
                return outcome;
            }

            @Override
            public List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) {
                long t = System.nanoTime();
                List<WriteOutcome> outcomes = delegate.markRemovedAll(keys, removedAt);
                latency.since(t);
                rows.addAndGet(keys.size());
                return outcomes;
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
                long t = System.nanoTime();
                List<WriteOutcome> outcomes = delegate.saveAll(pods);
                latency.since(t);
                rows.addAndGet(pods.size());
                return outcomes;
            }

            @Override
            public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
                long t = System.nanoTime();
                WriteOutcome outcome = delegate.markRemoved(key, removedAt);
                latency.since(t);
                rows.incrementAndGet();
                return outcome;
            }

            @Override
            public List<WriteOutcome> markRemovedAll(List<PodKey> keys, Instant removedAt) {
                long t = System.nanoTime();
                List<WriteOutcome> outcomes = delegate.markRemovedAll(keys, removedAt);
                latency.since(t);
                rows.addAndGet(keys.size());
                return outcomes;
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
