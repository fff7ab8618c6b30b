package io.kubedl.persist.writebehind;

import io.kubedl.persist.writebehind.WriteFailure.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer threads: each takes the next batch from the {@link BatchScheduler}, writes
 * it through its lane (retrying transient failures, isolating permanent ones), and
 * settles its entries: off the lanes, off the flush barrier, into the close report when
 * the store stopped waiting for them. A writer pauses between retries on a condition
 * that close signals, so a close cuts the pause short.
 */
final class Writers {
    private static final Logger log = LoggerFactory.getLogger(Writers.class);
    /** How long close waits for writers still inside a call to the delegate after its timeout. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final WriteBehindOptions options;
    private final Pending pending;
    private final Lifecycle lifecycle;
    private final FlushBarrier barrier;
    private final BatchScheduler scheduler;
    private final WriteBehindMetrics metrics;
    private final WriteRetry retry;
    private final List<Thread> threads;

    /**
     * Makes the threads (not started), so that a failing thread factory leaves nothing
     * running.
     */
    Writers(WriteBehindOptions options, Pending pending, Lifecycle lifecycle, FlushBarrier barrier,
            WriteBehindMetrics metrics) {
        this.options = options;
        this.pending = pending;
        this.lifecycle = lifecycle;
        this.barrier = barrier;
        this.metrics = metrics;
        this.scheduler = new BatchScheduler(options, pending, lifecycle, barrier);
        ExponentialBackoff backoff = new ExponentialBackoff(options.initialBackoff().toNanos(),
                options.maxBackoff().toNanos(), ThreadLocalRandom::current);
        this.retry = new WriteRetry(backoff, options.maxAttempts(), metrics, this::pauseBeforeRetry);
        List<Thread> made = new ArrayList<>();
        for (int i = 0; i < options.writerThreads(); i++) {
            made.add(newThread(i));
        }
        this.threads = List.copyOf(made);
    }

    /** @return a thread from the options' factory, or a daemon named after the store */
    private Thread newThread(int index) {
        if (options.threadFactory().isPresent()) {
            Thread writer = options.threadFactory().get().newThread(this::run);
            if (writer == null) {
                throw new IllegalArgumentException("threadFactory: returned no thread for writer " + index);
            }
            return writer;
        }
        Thread writer = new Thread(this::run, "kubedl-write-behind-" + options.name() + "-" + index);
        // a writer stuck in a database call must not keep the JVM alive after close gave up on it
        writer.setDaemon(true);
        return writer;
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void run() {
        while (true) {
            BatchScheduler.Batch<?, ?> batch = scheduler.nextBatch();
            if (batch == null) {
                return;
            }
            write(batch);
        }
    }

    private <K, R> void write(BatchScheduler.Batch<K, R> batch) {
        List<PendingWrite<K, R>> entries = batch.entries();
        long started = System.nanoTime();
        int stale = 0;
        boolean abandoned = false;
        try {
            stale = batch.lane().write(entries, retry, this::reportFailure);
        } catch (WriteRetry.Abandoned e) {
            abandoned = true;
        } catch (RuntimeException e) {
            // a bug in a listener or lane must not kill the writer; the entries are reported unwritten at close
            log.error("write-behind '{}' writer failed unexpectedly", options.name(), e);
            abandoned = true;
        }
        metrics.batchWritten(entries.size(), System.nanoTime() - started);
        metrics.stale(stale);
        pending.lock.lock();
        try {
            batch.lane().finished(entries);
            for (PendingWrite<K, R> entry : entries) {
                barrier.settled(entry.sequence);
                if (abandoned && !entry.settled()) {
                    lifecycle.abandon(entry.key);
                }
            }
            pending.progress.signalAll();
            pending.roomFreed.signalAll();
            pending.workReady.signalAll();
        } finally {
            pending.lock.unlock();
        }
    }

    private void reportFailure(Object key, Operation operation, WriteRetry.GaveUp gaveUp) {
        metrics.failed();
        try {
            options.listener().onFailure(new WriteFailure(key, operation, gaveUp.failure, gaveUp.attempts));
        } catch (RuntimeException e) {
            log.error("write-behind '{}' listener {} threw", options.name(), options.listener(), e);
        }
    }

    /** @return false when the store stopped waiting: closed, or past the close deadline */
    private boolean pauseBeforeRetry(long nanos) {
        long until = System.nanoTime() + nanos;
        pending.lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (lifecycle.stopWaiting(now)) {
                    return false;
                }
                long left = until - now;
                if (left <= 0) {
                    return true;
                }
                if (lifecycle.isClosing()) {
                    left = Math.min(left, lifecycle.closeDeadlineNanos() - now);
                }
                pending.stateChanged.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.interrupted();
            return lifecycle.isOpen();
        } finally {
            pending.lock.unlock();
        }
    }

    /** Waits up to a short grace period for the writers to stop after close. */
    void join() {
        long deadline = System.nanoTime() + GRACE_NANOS;
        for (Thread writer : threads) {
            if (writer == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
