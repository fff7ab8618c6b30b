package io.kubedl.persist.writebehind;

import java.util.List;

/**
 * Decides when a writer takes which batch: a lane is due when maxBatchSize identities
 * wait, when its oldest has waited maxDelay, or at once while a flush or close waits;
 * when both lanes are due, the one whose oldest identity waited longer goes first, so
 * neither starves. A writer with nothing due sleeps until the oldest waiting identity
 * becomes due, or until it is woken.
 */
final class BatchScheduler {
    /** One batch taken by a writer, with the lane it belongs to. */
    record Batch<K, R>(WriteLane<K, R> lane, List<PendingWrite<K, R>> entries) {
    }

    private final WriteBehindOptions options;
    private final Pending pending;
    private final Lifecycle lifecycle;
    private final FlushBarrier barrier;
    private final long maxDelayNanos;

    BatchScheduler(WriteBehindOptions options, Pending pending, Lifecycle lifecycle, FlushBarrier barrier) {
        this.options = options;
        this.pending = pending;
        this.lifecycle = lifecycle;
        this.barrier = barrier;
        this.maxDelayNanos = options.maxDelay().toNanos();
    }

    /** @return the next batch to write, or null when the writer should stop (the store closed) */
    Batch<?, ?> nextBatch() {
        pending.lock.lock();
        try {
            while (!lifecycle.isClosed()) {
                long now = System.nanoTime();
                boolean urgent = barrier.flushWaiting() || lifecycle.isClosing();
                WriteLane<?, ?> lane = dueLane(now, urgent);
                if (lane != null) {
                    Batch<?, ?> batch = take(lane);
                    if (!batch.entries().isEmpty()) {
                        return batch;
                    }
                }
                long wait = Long.MAX_VALUE;
                if (lane == null) {
                    long oldest = Math.min(pending.jobs.oldestAcceptedNanos(), pending.pods.oldestAcceptedNanos());
                    if (oldest != Long.MAX_VALUE) {
                        wait = Math.max(1, oldest + maxDelayNanos - now);
                    }
                }
                // else: everything due is being written by another writer; its completion signals
                awaitWork(wait);
            }
            return null;
        } finally {
            pending.lock.unlock();
        }
    }

    private <K, R> Batch<K, R> take(WriteLane<K, R> lane) {
        return new Batch<>(lane, lane.take(options.maxBatchSize()));
    }

    private WriteLane<?, ?> dueLane(long now, boolean urgent) {
        boolean jobsDue = isDue(pending.jobs, now, urgent);
        boolean podsDue = isDue(pending.pods, now, urgent);
        if (jobsDue && podsDue) {
            return pending.jobs.oldestAcceptedNanos() <= pending.pods.oldestAcceptedNanos() ? pending.jobs : pending.pods;
        }
        return jobsDue ? pending.jobs : podsDue ? pending.pods : null;
    }

    private boolean isDue(WriteLane<?, ?> lane, long now, boolean urgent) {
        int waiting = lane.waitingCount();
        if (waiting == 0) {
            return false;
        }
        return urgent || waiting >= options.maxBatchSize() || now - lane.oldestAcceptedNanos() >= maxDelayNanos;
    }

    private void awaitWork(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                pending.workReady.await();
            } else {
                pending.workReady.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            // writers are private threads that nobody interrupts on purpose; stopping is driven by the lifecycle
        }
    }
}
