package io.kubedl.persist.memory;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A correct store without any optional capability: the in-memory store behind the
 * SPI's default count, reconcile and purge (which throw UnsupportedOperationException).
 * The TCK must pass it, reporting the optional rules as skipped.
 */
class BareMetaStore extends ForwardingMetaStore {
    private final JobPersist jobs;
    private final PodPersist pods;

    BareMetaStore(MetaStore delegate) {
        super(delegate);
        JobPersist j = delegate.jobs();
        PodPersist p = delegate.pods();
        jobs = new JobPersist() {
            @Override
            public WriteOutcome save(JobRecord job) {
                return j.save(job);
            }

            @Override
            public List<WriteOutcome> saveAll(List<JobRecord> all) {
                return j.saveAll(all);
            }

            @Override
            public Optional<JobRecord> get(JobKey key) {
                return j.get(key);
            }

            @Override
            public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
                return j.findLatest(namespace, name, kind);
            }

            @Override
            public Page<JobRecord> list(JobQuery query) {
                return j.list(query);
            }

            @Override
            public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
                return j.markRemoved(key, removedAt);
            }

            @Override
            public boolean delete(JobKey key) {
                return j.delete(key);
            }
        };
        pods = new PodPersist() {
            @Override
            public WriteOutcome save(PodRecord pod) {
                return p.save(pod);
            }

            @Override
            public List<WriteOutcome> saveAll(List<PodRecord> all) {
                return p.saveAll(all);
            }

            @Override
            public Optional<PodRecord> get(PodKey key) {
                return p.get(key);
            }

            @Override
            public Optional<PodRecord> findLatest(String namespace, String name) {
                return p.findLatest(namespace, name);
            }

            @Override
            public Page<PodRecord> list(PodQuery query) {
                return p.list(query);
            }

            @Override
            public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
                return p.markRemoved(key, removedAt);
            }

            @Override
            public boolean delete(PodKey key) {
                return p.delete(key);
            }
        };
    }

    @Override
    public JobPersist jobs() {
        delegate.jobs();
        return jobs;
    }

    @Override
    public PodPersist pods() {
        delegate.pods();
        return pods;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }
}
