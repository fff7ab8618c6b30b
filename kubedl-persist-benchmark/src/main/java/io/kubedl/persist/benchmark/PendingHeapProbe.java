package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Duration;

/**
 * Measures what the write-behind decorator keeps on the heap while events wait: the
 * whole stream is submitted with the writers held back (maxDelay one hour, batches
 * larger than the stream's identities of one kind), the live heap is read after a GC,
 * then the stream is submitted a second time (as many events again, no new identity)
 * and read again. Bounded by identities means the second pass adds nothing.
 */
final class PendingHeapProbe {

    /**
     * @param identities identities pending
     * @param events events submitted in the first pass
     * @param firstPassMiB live heap retained after the first pass
     * @param secondPassMiB live heap retained after the second pass (twice the events)
     */
    record Result(int identities, int events, double firstPassMiB, double secondPassMiB) {
        double bytesPerIdentity() {
            return firstPassMiB * 1024 * 1024 / identities;
        }
    }

    private PendingHeapProbe() {
    }

    static Result measure(EventStream stream, BenchDatabase db) {
        int largest = Math.max(stream.finalJobs().size(), stream.finalPods().size());
        if (largest >= WriteBehindOptions.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("the heap probe needs fewer than " + WriteBehindOptions.MAX_BATCH_SIZE
                    + " identities of a kind; use --jobs 500 or less");
        }
        WriteBehindOptions options = WriteBehindOptions.builder().name("heap-probe").maxBatchSize(largest + 1)
                .maxDelay(WriteBehindOptions.MAX_DELAY).build();
        double before = HeapPeak.liveMebibytes();
        WriteBehindStore store = WriteBehindStore.wrap(db.store(), options);
        try {
            submit(stream, store);
            double first = HeapPeak.liveMebibytes() - before;
            int pending = store.pendingCount();
            submit(stream, store);
            double second = HeapPeak.liveMebibytes() - before;
            return new Result(pending, stream.events().size(), first, second);
        } finally {
            store.close(Duration.ofSeconds(60));
        }
    }

    // fresh objects down to the strings, as a controller's records would be: the stream's own are shared
    private static JobRecord copy(JobRecord j) {
        return j.toBuilder().jobId(fresh(j.jobId())).name(fresh(j.name())).namespace(fresh(j.namespace()))
                .kind(fresh(j.kind())).version(fresh(j.version().value())).resources(fresh(j.resources()))
                .tenant(fresh(j.tenant())).owner(fresh(j.owner())).remark(fresh(j.remark())).build();
    }

    private static PodRecord copy(PodRecord p) {
        return p.toBuilder().podId(fresh(p.podId())).name(fresh(p.name())).namespace(fresh(p.namespace()))
                .jobId(fresh(p.jobId())).version(fresh(p.version().value())).image(fresh(p.image()))
                .replicaType(fresh(p.replicaType())).resources(fresh(p.resources())).hostIp(fresh(p.hostIp()))
                .podIp(fresh(p.podIp())).remark(fresh(p.remark())).build();
    }

    private static String fresh(String s) {
        return s == null ? null : new String(s.toCharArray());
    }

    private static void submit(EventStream stream, WriteBehindStore store) {
        for (ClusterEvent event : stream.events()) {
            if (event instanceof ClusterEvent.JobSaved e) {
                store.submit(copy(e.job()));
            } else if (event instanceof ClusterEvent.PodSaved e) {
                store.submit(copy(e.pod()));
            } else if (event instanceof ClusterEvent.JobRemoved e) {
                store.markRemoved(e.key(), e.at());
            } else if (event instanceof ClusterEvent.PodRemoved e) {
                store.markRemoved(e.key(), e.at());
            }
        }
    }
}
