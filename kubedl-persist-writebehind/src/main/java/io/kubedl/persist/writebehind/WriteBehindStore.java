package io.kubedl.persist.writebehind;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind in front of any {@link JobPersist} and {@link PodPersist}: a controller
 * hands it every watch event with {@link #submit(JobRecord)}, {@link #submit(PodRecord)}
 * and {@code markRemoved}, which return without waiting for the database; writer
 * threads write the events through {@code saveAll} in batches.
 *
 * <ul>
 * <li>Coalescing: only the newest version of an identity waits. A newer event
 *     replaces the waiting one; an event that is not newer, or that follows a
 *     removal (W8), is dropped and counted as stale. The delegate still applies the
 *     contract (W1..W8, B1), so nothing depends on the events arriving in order.</li>
 * <li>Batches of at most {@link WriteBehindOptions#maxBatchSize()} identities are
 *     written when that many wait, when the oldest has waited
 *     {@link WriteBehindOptions#maxDelay()}, or at once during flush and close.</li>
 * <li>Bounded: memory grows with the number of distinct identities pending, and
 *     never past {@link WriteBehindOptions#maxPendingIdentities()}; at that cap a new
 *     identity blocks its submitter up to {@link WriteBehindOptions#submitTimeout()},
 *     then gets a {@link WriteBehindFullException}. A newer version of an identity
 *     already pending never blocks.</li>
 * <li>Transient failures ({@link PersistException#isTransient()}) are retried with
 *     capped exponential backoff and jitter. A permanent failure is isolated by
 *     splitting the batch, reported per identity to the
 *     {@link WriteBehindListener}, and never holds back the other identities.</li>
 * <li>Ordering: one identity is written by one writer at a time, so a removal is
 *     written after the saves of that identity accepted before it.</li>
 * <li>{@link #flush()} returns once everything accepted before the call is durable
 *     or reported; {@link #close(Duration)} drains within a timeout and returns a
 *     {@link CloseReport} of what it could not write.</li>
 * </ul>
 *
 * <p>Reads ({@code get}, {@code findLatest}, {@code list}, {@code count}) pass
 * through to the delegate: they see only what was written, not what is pending
 * (rule Q5 holds after {@link #flush()}). Closing this store does not close the
 * delegate, which the caller owns. Thread-safe.
 *
 * <p>This class is the facade; the parts behind it: {@link Admission} (merging and
 * back-pressure), {@link FlushBarrier}, {@link Lifecycle} (the close state machine),
 * {@link BatchScheduler} and {@link Writers}, all under the one lock of {@link Pending}.
 */
public final class WriteBehindStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteBehindStore.class);

    private final JobPersist jobPersist;
    private final PodPersist podPersist;
    private final WriteBehindOptions options;
    private final Pending pending;
    private final Lifecycle lifecycle;
    private final FlushBarrier barrier;
    private final WriteBehindMetrics metrics;
    private final Admission admission;
    private final Writers writers;

    private WriteBehindStore(JobPersist jobPersist, PodPersist podPersist, WriteBehindOptions options) {
        this.jobPersist = Objects.requireNonNull(jobPersist, "jobs");
        this.podPersist = Objects.requireNonNull(podPersist, "pods");
        this.options = Objects.requireNonNull(options, "options");
        this.pending = new Pending(
                new WriteLane<>(JobRecord::key, JobRecord::version, jobPersist::saveAll, jobPersist::markRemoved,
                        jobPersist::markRemovedAll, RemovedRecords::job, options.rememberWritten()),
                new WriteLane<>(PodRecord::key, PodRecord::version, podPersist::saveAll, podPersist::markRemoved,
                        podPersist::markRemovedAll, RemovedRecords::pod, options.rememberWritten()));
        this.lifecycle = new Lifecycle(options.name());
        this.barrier = new FlushBarrier(options.name(), pending, lifecycle);
        this.metrics = WriteBehindMetrics.create(options, this::pendingCount);
        this.admission = new Admission(options, pending, lifecycle, barrier, metrics);
        try {
            this.writers = new Writers(options, pending, lifecycle, barrier, metrics);
        } catch (RuntimeException e) {
            // a thread factory that fails leaves no meter registered
            metrics.close();
            throw e;
        }
        writers.start();
        log.info("write-behind '{}' started: {}", options.name(), options);
    }

    /**
     * @param store the store to write to; not closed by this decorator
     * @param options the settings
     * @return a started write-behind store over the store's jobs and pods
     */
    public static WriteBehindStore wrap(MetaStore store, WriteBehindOptions options) {
        Objects.requireNonNull(store, "store");
        return new WriteBehindStore(store.jobs(), store.pods(), options);
    }

    /**
     * @param jobs where jobs are written
     * @param pods where pods are written
     * @param options the settings
     * @return a started write-behind store
     */
    public static WriteBehindStore wrap(JobPersist jobs, PodPersist pods, WriteBehindOptions options) {
        return new WriteBehindStore(jobs, pods, options);
    }

    /** @return the settings of this store */
    public WriteBehindOptions options() {
        return options;
    }

    /**
     * Accepts one observed state of a job; returns once it waits in memory.
     *
     * @param job the job; not null (its other checks, V1..V3, happen at write time and
     *            failures reach the listener)
     * @throws WriteBehindFullException when the cap stayed full for submitTimeout
     * @throws IllegalStateException when the store is closing or closed
     */
    public void submit(JobRecord job) {
        admission.acceptSave(pending.jobs, Objects.requireNonNull(job, "job"));
    }

    /**
     * Accepts one observed state of a pod; returns once it waits in memory.
     *
     * @param pod the pod; not null
     * @throws WriteBehindFullException when the cap stayed full for submitTimeout
     * @throws IllegalStateException when the store is closing or closed
     */
    public void submit(PodRecord pod) {
        admission.acceptSave(pending.pods, Objects.requireNonNull(pod, "pod"));
    }

    /**
     * Accepts the removal of a job from etcd (D1), written after the saves of that job
     * accepted before it; later saves of the job are dropped as stale (W8).
     *
     * @param key the job
     * @param removedAt when the removal was observed
     * @throws WriteBehindFullException when the cap stayed full for submitTimeout
     * @throws IllegalStateException when the store is closing or closed
     */
    public void markRemoved(JobKey key, Instant removedAt) {
        admission.acceptRemoval(pending.jobs, Objects.requireNonNull(key, "key"), Objects.requireNonNull(removedAt, "removedAt"));
    }

    /**
     * Accepts the removal of a pod from etcd (D1), written after the saves of that pod
     * accepted before it.
     *
     * @param key the pod
     * @param removedAt when the removal was observed
     * @throws WriteBehindFullException when the cap stayed full for submitTimeout
     * @throws IllegalStateException when the store is closing or closed
     */
    public void markRemoved(PodKey key, Instant removedAt) {
        admission.acceptRemoval(pending.pods, Objects.requireNonNull(key, "key"), Objects.requireNonNull(removedAt, "removedAt"));
    }

    /**
     * @param key the identity
     * @return the row as written so far (pending events are not visible)
     */
    public Optional<JobRecord> get(JobKey key) {
        lifecycle.ensureOpen();
        return jobPersist.get(key);
    }

    /**
     * @param key the identity
     * @return the row as written so far (pending events are not visible)
     */
    public Optional<PodRecord> get(PodKey key) {
        lifecycle.ensureOpen();
        return podPersist.get(key);
    }

    /**
     * @param namespace namespace
     * @param name name
     * @param kind kind
     * @return the newest-created job of that name, as written so far (Q1)
     */
    public Optional<JobRecord> findLatestJob(String namespace, String name, String kind) {
        lifecycle.ensureOpen();
        return jobPersist.findLatest(namespace, name, kind);
    }

    /**
     * @param namespace namespace
     * @param name name
     * @return the newest-created pod of that name, as written so far (Q1)
     */
    public Optional<PodRecord> findLatestPod(String namespace, String name) {
        lifecycle.ensureOpen();
        return podPersist.findLatest(namespace, name);
    }

    /**
     * @param query filters and page
     * @return one page of jobs from the delegate (Q2, Q3)
     */
    public Page<JobRecord> list(JobQuery query) {
        lifecycle.ensureOpen();
        return jobPersist.list(query);
    }

    /**
     * @param query filters and page
     * @return one page of pods from the delegate (Q3, Q4)
     */
    public Page<PodRecord> list(PodQuery query) {
        lifecycle.ensureOpen();
        return podPersist.list(query);
    }

    /**
     * @param query filters
     * @return how many jobs the delegate holds that match
     */
    public long count(JobQuery query) {
        lifecycle.ensureOpen();
        return jobPersist.count(query);
    }

    /**
     * @param query filters
     * @return how many pods the delegate holds that match
     */
    public long count(PodQuery query) {
        lifecycle.ensureOpen();
        return podPersist.count(query);
    }

    /** @return identities waiting or being written, jobs and pods together */
    public int pendingCount() {
        pending.lock.lock();
        try {
            return pending.size();
        } finally {
            pending.lock.unlock();
        }
    }

    /**
     * Waits until every event accepted before this call is durable in the delegate, or
     * was given up and reported to the listener. Writers write everything at once
     * while a flush waits, without waiting for maxDelay.
     *
     * @throws IllegalStateException when the store is closed before that happens
     * @throws PersistException when the thread is interrupted (the interrupt flag is kept)
     */
    public void flush() {
        barrier.await(Long.MAX_VALUE);
    }

    /**
     * As {@link #flush()}, giving up after a timeout.
     *
     * @param timeout how long to wait
     * @return true when everything accepted before the call is durable or reported; false on timeout
     * @throws IllegalStateException when the store is closed before that happens
     */
    public boolean flush(Duration timeout) {
        return barrier.await(Math.max(0, timeout.toNanos()));
    }

    /**
     * Drains for up to {@link WriteBehindOptions#closeTimeout()}, then stops the
     * writers; what could not be written is logged at WARN (identities only). Use
     * {@link #close(Duration)} to get the report.
     */
    @Override
    public void close() {
        close(options.closeTimeout());
    }

    /**
     * Refuses new events, writes everything pending within the timeout, stops the
     * writers and returns what could not be made durable. Idempotent: a second call
     * returns the first report. Does not close the delegate.
     *
     * @param timeout how long to drain
     * @return the identities not confirmed written; empty when the drain completed
     */
    public CloseReport close(Duration timeout) {
        pending.lock.lock();
        try {
            if (lifecycle.beginClosing(System.nanoTime() + Math.max(0, timeout.toNanos()))) {
                pending.signalEverything();
            }
            while (lifecycle.report() == null && lifecycle.isClosing() && !barrier.nothingOutstanding()) {
                long left = lifecycle.closeDeadlineNanos() - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                pending.progress.awaitNanos(left);
            }
            if (lifecycle.report() != null) {
                return lifecycle.report();
            }
            lifecycle.markClosed();
            pending.signalEverything();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lifecycle.markClosed();
            pending.signalEverything();
        } finally {
            pending.lock.unlock();
        }
        writers.join();
        CloseReport report;
        pending.lock.lock();
        try {
            report = lifecycle.report();
            if (report == null) {
                report = lifecycle.finishReport(pending);
                barrier.clear();
                metrics.close();
                pending.progress.signalAll();
            }
        } finally {
            pending.lock.unlock();
        }
        if (report.complete()) {
            log.info("write-behind '{}' closed; everything accepted was written", options.name());
        } else {
            log.warn("write-behind '{}' closed; {} identities not confirmed written: {}", options.name(),
                    report.unwrittenCount(), report);
        }
        return report;
    }

    @Override
    public String toString() {
        return "WriteBehindStore[" + options.name() + ", " + lifecycle + "]";
    }
}
