package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.util.ArrayList;
import java.util.List;

/** The two synchronous write paths through the provider's store. */
final class ProviderPaths {
    private ProviderPaths() {
    }

    /** One synchronous save (or markRemoved) per event. */
    static final class SavePerEvent implements WritePath {
        @Override
        public String name() {
            return "provider save() per event";
        }

        @Override
        public PathResult run(EventStream stream, BenchDatabase db) {
            MetaStore store = db.store();
            JobPersist jobs = store.jobs();
            PodPersist pods = store.pods();
            LatencySamples latency = new LatencySamples();
            HeapPeak.reset();
            long started = System.nanoTime();
            for (ClusterEvent event : stream.events()) {
                long t = System.nanoTime();
                if (event instanceof ClusterEvent.JobSaved e) {
                    jobs.save(e.job());
                } else if (event instanceof ClusterEvent.PodSaved e) {
                    pods.save(e.pod());
                } else if (event instanceof ClusterEvent.JobRemoved e) {
                    jobs.markRemoved(e.key(), e.at());
                } else if (event instanceof ClusterEvent.PodRemoved e) {
                    pods.markRemoved(e.key(), e.at());
                }
                latency.since(t);
            }
            return new PathResult(name(), stream.events().size(), stream.events().size(),
                    System.nanoTime() - started, latency, HeapPeak.mebibytes(), "");
        }
    }

    /**
     * saveAll over consecutive chunks of the stream: the saves of a chunk go in one
     * saveAll per table (in stream order, so B1 keeps the highest version), then its
     * removals one markRemoved each (the SPI has no batch removal). No coalescing.
     */
    static final class SaveAllBatches implements WritePath {
        private final int batchSize;

        SaveAllBatches(int batchSize) {
            this.batchSize = batchSize;
        }

        @Override
        public String name() {
            return "provider saveAll() in batches";
        }

        @Override
        public PathResult run(EventStream stream, BenchDatabase db) {
            JobPersist jobs = db.store().jobs();
            PodPersist pods = db.store().pods();
            LatencySamples latency = new LatencySamples();
            HeapPeak.reset();
            long started = System.nanoTime();
            List<ClusterEvent> events = stream.events();
            List<JobRecord> jobBatch = new ArrayList<>(batchSize);
            List<PodRecord> podBatch = new ArrayList<>(batchSize);
            List<ClusterEvent> removals = new ArrayList<>();
            for (int from = 0; from < events.size(); from += batchSize) {
                for (ClusterEvent event : events.subList(from, Math.min(events.size(), from + batchSize))) {
                    if (event instanceof ClusterEvent.JobSaved e) {
                        jobBatch.add(e.job());
                    } else if (event instanceof ClusterEvent.PodSaved e) {
                        podBatch.add(e.pod());
                    } else {
                        removals.add(event);
                    }
                }
                if (!jobBatch.isEmpty()) {
                    long t = System.nanoTime();
                    jobs.saveAll(jobBatch);
                    latency.since(t);
                }
                if (!podBatch.isEmpty()) {
                    long t = System.nanoTime();
                    pods.saveAll(podBatch);
                    latency.since(t);
                }
                for (ClusterEvent removal : removals) {
                    long t = System.nanoTime();
                    if (removal instanceof ClusterEvent.JobRemoved e) {
                        jobs.markRemoved(e.key(), e.at());
                    } else {
                        ClusterEvent.PodRemoved e = (ClusterEvent.PodRemoved) removal;
                        pods.markRemoved(e.key(), e.at());
                    }
                    latency.since(t);
                }
                jobBatch.clear();
                podBatch.clear();
                removals.clear();
            }
            return new PathResult(name(), events.size(), events.size(), System.nanoTime() - started, latency,
                    HeapPeak.mebibytes(), "batches of " + batchSize + " events; removals one call each");
        }
    }
}
