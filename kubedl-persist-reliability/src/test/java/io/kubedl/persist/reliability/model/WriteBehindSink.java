package io.kubedl.persist.reliability.model;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import io.kubedl.persist.writebehind.WriteFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends events through the write-behind decorator, as a controller with write-behind
 * does. Every write the decorator gives up on is kept, so a test can assert there
 * were none; the decorator's Micrometer counters give the figures of the run.
 */
public final class WriteBehindSink implements EventSink {
    private final WriteBehindStore writeBehind;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<WriteFailure> failures = new CopyOnWriteArrayList<>();
    private CloseReport closeReport;
    // the decorator removes its meters on close: the figures are read just before
    private String figuresAtClose;
    private long retriesAtClose;

    /**
     * @param store the store to write to; not closed by this sink
     * @param name the decorator's name (metrics tag, thread names)
     * @param writerThreads how many writer threads
     */
    public WriteBehindSink(MetaStore store, String name, int writerThreads) {
        this(store, name, writerThreads, 100_000);
    }

    /**
     * @param store the store to write to; not closed by this sink
     * @param name the decorator's name (metrics tag, thread names)
     * @param writerThreads how many writer threads
     * @param maxPendingIdentities the decorator's cap; an outage holds every distinct identity seen meanwhile
     */
    public WriteBehindSink(MetaStore store, String name, int writerThreads, int maxPendingIdentities) {
        WriteBehindOptions options = WriteBehindOptions.builder().name(name).writerThreads(writerThreads)
                .maxPendingIdentities(maxPendingIdentities)
                .maxBatchSize(500).maxDelay(Duration.ofMillis(20)).initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(1)).closeTimeout(Duration.ofMinutes(2)).listener(failures::add)
                .meterRegistry(registry).build();
        writeBehind = WriteBehindStore.wrap(store, options);
    }

    @Override
    public void accept(WatchEvent event) {
        if (event instanceof WatchEvent.JobSaved e) {
            writeBehind.submit(e.job());
        } else if (event instanceof WatchEvent.PodSaved e) {
            writeBehind.submit(e.pod());
        } else if (event instanceof WatchEvent.JobRemoved e) {
            writeBehind.markRemoved(e.key(), e.at());
        } else if (event instanceof WatchEvent.PodRemoved e) {
            writeBehind.markRemoved(e.key(), e.at());
        }
    }

    @Override
    public void flush() {
        writeBehind.flush();
    }

    /** @param timeout how long to wait @return true when everything accepted is durable */
    public boolean flush(Duration timeout) {
        return writeBehind.flush(timeout);
    }

    /** @return identities waiting or being written */
    public int pending() {
        return writeBehind.pendingCount();
    }

    /** @return writes the decorator gave up on (each one a lost event) */
    public List<WriteFailure> failures() {
        return List.copyOf(failures);
    }

    /** @return the report of close(), or null before close */
    public CloseReport closeReport() {
        return closeReport;
    }

    /** @return the decorator's counters: batches, retries, coalesced, stale, failures */
    public String figures() {
        if (figuresAtClose != null) {
            return figuresAtClose;
        }
        return "batches " + (long) counter("batch.size") + ", retries " + (long) sum("retries") + ", coalesced "
                + (long) sum("coalesced") + ", stale " + (long) sum("stale") + ", given up " + (long) sum("failures");
    }

    /** @return how many transient failures the decorator retried */
    public long retries() {
        return figuresAtClose != null ? retriesAtClose : (long) sum("retries");
    }

    private double sum(String meter) {
        var c = registry.find("kubedl.persist.writebehind." + meter).counter();
        return c == null ? 0 : c.count();
    }

    private double counter(String meter) {
        var s = registry.find("kubedl.persist.writebehind." + meter).summary();
        return s == null ? 0 : s.count();
    }

    /**
     * Flushes, reads the figures, then closes the decorator and keeps its report.
     * Idempotent.
     *
     * @return what the decorator could not write
     */
    public CloseReport drain() {
        if (closeReport == null) {
            writeBehind.flush(Duration.ofMinutes(2));
            retriesAtClose = retries();
            figuresAtClose = figures();
            closeReport = writeBehind.close(Duration.ofMinutes(2));
        }
        return closeReport;
    }

    @Override
    public void close() {
        drain();
    }
}
