package io.kubedl.persist.writebehind;

import io.kubedl.persist.PersistException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * How events get in: each is merged into its lane (coalesced, dropped as stale, or a
 * new pending identity), and a new identity beyond maxPendingIdentities makes its
 * submitter wait for room up to submitTimeout, then fail with
 * {@link WriteBehindFullException} (back-pressure). A newer version of an identity
 * already pending never waits.
 */
final class Admission {
    private final WriteBehindOptions options;
    private final Pending pending;
    private final Lifecycle lifecycle;
    private final FlushBarrier barrier;
    private final WriteBehindMetrics metrics;
    private final long maxDelayNanos;

    Admission(WriteBehindOptions options, Pending pending, Lifecycle lifecycle, FlushBarrier barrier,
              WriteBehindMetrics metrics) {
        this.options = options;
        this.pending = pending;
        this.lifecycle = lifecycle;
        this.barrier = barrier;
        this.metrics = metrics;
        this.maxDelayNanos = options.maxDelay().toNanos();
    }

    <K, R> void acceptSave(WriteLane<K, R> lane, R record) {
        long waitNanos = options.submitTimeout().toNanos();
        long started = System.nanoTime();
        pending.lock.lock();
        try {
            while (true) {
                lifecycle.ensureAccepting();
                switch (lane.mergeSave(record)) {
                    case COALESCED -> {
                        metrics.coalesced();
                        return;
                    }
                    case STALE -> {
                        metrics.stale(1);
                        return;
                    }
                    case NEW -> {
                        if (hasRoom()) {
                            long sequence = barrier.accept();
                            lane.addSave(record, sequence, System.nanoTime());
                            wakeWriter(lane);
                            return;
                        }
                    }
                }
                waitNanos = awaitRoom(waitNanos, started);
            }
        } finally {
            pending.lock.unlock();
        }
    }

    <K, R> void acceptRemoval(WriteLane<K, R> lane, K key, Instant removedAt) {
        long waitNanos = options.submitTimeout().toNanos();
        long started = System.nanoTime();
        pending.lock.lock();
        try {
            while (true) {
                lifecycle.ensureAccepting();
                if (lane.mergeRemoval(key, removedAt)) {
                    return;
                }
                if (hasRoom()) {
                    long sequence = barrier.accept();
                    lane.addRemoval(key, removedAt, sequence, System.nanoTime());
                    wakeWriter(lane);
                    return;
                }
                waitNanos = awaitRoom(waitNanos, started);
            }
        } finally {
            pending.lock.unlock();
        }
    }

    private boolean hasRoom() {
        return pending.size() < options.maxPendingIdentities();
    }

    private void wakeWriter(WriteLane<?, ?> lane) {
        int waiting = lane.waitingCount();
        // a writer idles without a deadline when nothing waits, and waits for a full batch otherwise
        if (waiting == 1 || waiting >= options.maxBatchSize() || maxDelayNanos == 0) {
            pending.workReady.signal();
        }
    }

    private long awaitRoom(long waitNanos, long started) {
        if (waitNanos <= 0) {
            throw new WriteBehindFullException(options.name(), options.maxPendingIdentities(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        try {
            return pending.roomFreed.awaitNanos(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistException("interrupted while waiting for room in write-behind '" + options.name()
                    + "' (maxPendingIdentities=" + options.maxPendingIdentities() + ")", e);
        }
    }
}
