package io.kubedl.persist.benchmark;

import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write-behind decorator over the provider: every event submitted as fast as the
 * caller can, then one flush; the time includes the flush, so it measures events made
 * durable per second, not events accepted. Peak pending identities are sampled by the
 * submitting thread itself (every 256 events), so no extra thread competes for the CPU.
 */
final class WriteBehindPath implements WritePath {
    private final int batchSize;
    private final int writers;
    private final Duration maxDelay;

    WriteBehindPath(int batchSize, int writers, Duration maxDelay) {
        this.batchSize = batchSize;
        this.writers = writers;
        this.maxDelay = maxDelay;
    }

    @Override
    public String name() {
        return "write-behind decorator";
    }

    @Override
    public PathResult run(EventStream stream, BenchDatabase db) {
        LatencySamples latency = new LatencySamples();
        TimedPersist timed = new TimedPersist(latency);
        AtomicInteger failures = new AtomicInteger();
        WriteBehindOptions options = WriteBehindOptions.builder().name("benchmark").maxBatchSize(batchSize)
                .writerThreads(writers).maxDelay(maxDelay).listener(f -> failures.incrementAndGet()).build();
        HeapPeak.reset();
        long started = System.nanoTime();
        int peakPending = 0;
        int n = 0;
        long acceptedNanos;
        WriteBehindStore store = WriteBehindStore.wrap(timed.jobs(db.store().jobs()), timed.pods(db.store().pods()),
                options);
        try {
            for (ClusterEvent event : stream.events()) {
                if (event instanceof ClusterEvent.JobSaved e) {
                    store.submit(e.job());
                } else if (event instanceof ClusterEvent.PodSaved e) {
                    store.submit(e.pod());
                } else if (event instanceof ClusterEvent.JobRemoved e) {
                    store.markRemoved(e.key(), e.at());
                } else if (event instanceof ClusterEvent.PodRemoved e) {
                    store.markRemoved(e.key(), e.at());
                }
                if ((++n & 255) == 0) {
                    peakPending = Math.max(peakPending, store.pendingCount());
                }
            }
            acceptedNanos = System.nanoTime() - started;
            store.flush();
        } finally {
            CloseReport report = store.close(Duration.ofSeconds(30));
            if (!report.complete() || failures.get() > 0) {
                throw new IllegalStateException("write-behind lost writes: " + report + ", failures " + failures);
            }
        }
        long nanos = System.nanoTime() - started;
        return new PathResult(name(), stream.events().size(), timed.rows(), nanos, latency, HeapPeak.mebibytes(),
                String.format(java.util.Locale.ROOT, "all accepted after %.2f s; peak pending %d entries for %d"
                        + " identities; %d writer(s), batch %d, maxDelay %d ms; calls: %s", acceptedNanos / 1e9,
                        peakPending, stream.finalRows(), writers, batchSize, maxDelay.toMillis(), timed.calls()));
    }
}
