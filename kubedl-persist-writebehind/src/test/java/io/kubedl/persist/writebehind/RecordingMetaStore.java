package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A thread-safe in-memory test double of the SPI (not of a database) that records
 * the calls the write-behind store makes, for the write-behind unit tests.
 */
final class RecordingMetaStore implements MetaStore {
    final RecordingTable<JobKey, JobRecord> jobTable = new RecordingTable<>("jobs", JobRecord::key,
            JobRecord::version, JobRecord::inEtcd, (row, at) -> row.toBuilder().inEtcd(false)
                    .status(row.status().isFinished() ? row.status() : JobStatus.STOPPED)
                    .gmtFinished(row.gmtFinished() == null ? at : row.gmtFinished()).build());
    final RecordingTable<PodKey, PodRecord> podTable = new RecordingTable<>("pods", PodRecord::key,
            PodRecord::version, PodRecord::inEtcd, (row, at) -> row.toBuilder().inEtcd(false)
                    .status(row.status().isFinished() ? row.status() : PodStatus.STOPPED)
                    .gmtFinished(row.gmtFinished() == null ? at : row.gmtFinished()).build());

    private final JobPersist jobs = new JobPersist() {
        @Override
        public WriteOutcome save(JobRecord job) {
            return jobTable.save(job);
        }

        @Override
        public List<WriteOutcome> saveAll(List<JobRecord> list) {
            return jobTable.saveAll(list);
        }

        @Override
        public Optional<JobRecord> get(JobKey key) {
            return jobTable.get(key);
        }

        @Override
        public Optional<JobRecord> findLatest(String namespace, String name, String kind) {
            return jobTable.all().stream().filter(j -> j.namespace().equals(namespace) && j.name().equals(name)
                    && j.kind().equals(kind)).findFirst();
        }

        @Override
        public Page<JobRecord> list(JobQuery query) {
            return new Page<>(jobTable.all(), null);
        }

        @Override
        public long count(JobQuery query) {
            return jobTable.all().size();
        }

        @Override
        public WriteOutcome markRemoved(JobKey key, Instant removedAt) {
            return jobTable.markRemoved(key, removedAt);
        }

        @Override
        public boolean delete(JobKey key) {
            throw new UnsupportedOperationException("not used by write-behind");
        }
    };

    private final PodPersist pods = new PodPersist() {
        @Override
        public WriteOutcome save(PodRecord pod) {
            return podTable.save(pod);
        }

        @Override
        public List<WriteOutcome> saveAll(List<PodRecord> list) {
            return podTable.saveAll(list);
        }

        @Override
        public Optional<PodRecord> get(PodKey key) {
            return podTable.get(key);
        }

        @Override
        public Optional<PodRecord> findLatest(String namespace, String name) {
            return podTable.all().stream().filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
                    .findFirst();
        }

        @Override
        public Page<PodRecord> list(PodQuery query) {
            return new Page<>(podTable.all(), null);
        }

        @Override
        public long count(PodQuery query) {
            return podTable.all().size();
        }

        @Override
        public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
            return podTable.markRemoved(key, removedAt);
        }

        @Override
        public boolean delete(PodKey key) {
            throw new UnsupportedOperationException("not used by write-behind");
        }
    };

    @Override
    public JobPersist jobs() {
        return jobs;
    }

    @Override
    public PodPersist pods() {
        return pods;
    }

    @Override
    public String providerName() {
        return "recording";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.COUNT);
    }

    @Override
    public FieldLimits limits() {
        return FieldLimits.DEFAULT;
    }

    @Override
    public void close() {
    }
}
