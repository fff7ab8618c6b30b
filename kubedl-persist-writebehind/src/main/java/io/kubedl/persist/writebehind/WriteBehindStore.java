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
import io.kubedl.persist.writebehind.WriteFailure.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 */
public final class WriteBehindStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteBehindStore.class);
    /** How long close waits for writers still inside a call to the delegate after its timeout. */
    private static final long WRITER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private enum State { OPEN, CLOSING, CLOSED }

    private final JobPersist jobPersist;
    private final PodPersist podPersist;
    private final WriteBehindOptions options;
    private final WriteBehindMetrics metrics;
    private final WriteRetry retry;
    private final WriteLane<JobKey, JobRecord> jobs;
    private final WriteLane<PodKey, PodRecord> pods;
    private final long maxDelayNanos;
    private final List<Thread> writers = new ArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    /** Writers wait here for work. */
    private final Condition workReady = lock.newCondition();
    /** Submitters blocked at the cap wait here. */
    private final Condition roomFreed = lock.newCondition();
    /** flush and close wait here for batches to finish. */
    private final Condition progress = lock.newCondition();
    /** Writers pausing before a retry wait here, so that close can cut the pause short. */
    private final Condition stateChanged = lock.newCondition();

    // guarded by lock
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private final List<JobKey> abandonedJobs = new ArrayList<>();
    private final List<PodKey> abandonedPods = new ArrayList<>();
    private long lastSequence;
    private int flushesWaiting;
    private long closeDeadlineNanos;
    private CloseReport closeReport;
    private volatile State state = State.OPEN;

    private WriteBehindStore(JobPersist jobPersist, PodPersist podPersist, WriteBehindOptions options) {
        this.jobPersist = Objects.requireNonNull(jobPersist, "jobs");
        this.podPersist = Objects.requireNonNull(podPersist, "pods");
        this.options = Objects.requireNonNull(options, "options");
        this.maxDelayNanos = options.maxDelay().toNanos();
        this.jobs = new WriteLane<>(JobRecord::key, JobRecord::version, jobPersist::saveAll, jobPersist::markRemoved,
                jobPersist::markRemovedAll, RemovedRecords::job, options.rememberWritten());
        this.pods = new WriteLane<>(PodRecord::key, PodRecord::version, podPersist::saveAll, podPersist::markRemoved,
                podPersist::markRemovedAll, RemovedRecords::pod, options.rememberWritten());
        // threads first: a thread factory that fails leaves no meter registered
        for (int i = 0; i < options.writerThreads(); i++) {
            writers.add(newWriter(i));
        }
        this.metrics = WriteBehindMetrics.create(options, this::pendingCount);
        ExponentialBackoff backoff = new ExponentialBackoff(options.initialBackoff().toNanos(),
                options.maxBackoff().toNanos(), ThreadLocalRandom::current);
        this.retry = new WriteRetry(backoff, options.maxAttempts(), metrics, this::pauseBeforeRetry);
        writers.forEach(Thread::start);
        log.info("write-behind '{}' started: {}", options.name(), options);
    }

    private Thread newWriter(int index) {
        if (options.threadFactory().isPresent()) {
            Thread writer = options.threadFactory().get().newThread(this::runWriter);
            if (writer == null) {
                throw new IllegalArgumentException("threadFactory: returned no thread for writer " + index);
            }
            return writer;
        }
        Thread writer = new Thread(this::runWriter, "kubedl-write-behind-" + options.name() + "-" + index);
        // a writer stuck in a database call must not keep the JVM alive after close gave up on it
        writer.setDaemon(true);
        return writer;
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
        acceptSave(jobs, Objects.requireNonNull(job, "job"));
    }

    /**
     * Accepts one observed state of a pod; returns once it waits in memory.
     *
     * @param pod the pod; not null
     * @throws WriteBehindFullException when the cap stayed full for submitTimeout
     * @throws IllegalStateException when the store is closing or closed
     */
    public void submit(PodRecord pod) {
        acceptSave(pods, Objects.requireNonNull(pod, "pod"));
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
        acceptRemoval(jobs, Objects.requireNonNull(key, "key"), Objects.requireNonNull(removedAt, "removedAt"));
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
        acceptRemoval(pods, Objects.requireNonNull(key, "key"), Objects.requireNonNull(removedAt, "removedAt"));
    }

    /** @param key the identity @return the row as written so far (pending events are not visible) */
    public Optional<JobRecord> get(JobKey key) {
        ensureOpen();
        return jobPersist.get(key);
    }

    /** @param key the identity @return the row as written so far (pending events are not visible) */
    public Optional<PodRecord> get(PodKey key) {
        ensureOpen();
        return podPersist.get(key);
    }

    /**
     * @param namespace namespace
     * @param name name
     * @param kind kind
     * @return the newest-created job of that name, as written so far (Q1)
     */
    public Optional<JobRecord> findLatestJob(String namespace, String name, String kind) {
        ensureOpen();
        return jobPersist.findLatest(namespace, name, kind);
    }

    /**
     * @param namespace namespace
     * @param name name
     * @return the newest-created pod of that name, as written so far (Q1)
     */
    public Optional<PodRecord> findLatestPod(String namespace, String name) {
        ensureOpen();
        return podPersist.findLatest(namespace, name);
    }

    /** @param query filters and page @return one page of jobs from the delegate (Q2, Q3) */
    public Page<JobRecord> list(JobQuery query) {
        ensureOpen();
        return jobPersist.list(query);
    }

    /** @param query filters and page @return one page of pods from the delegate (Q3, Q4) */
    public Page<PodRecord> list(PodQuery query) {
        ensureOpen();
        return podPersist.list(query);
    }

    /** @param query filters @return how many jobs the delegate holds that match */
    public long count(JobQuery query) {
        ensureOpen();
        return jobPersist.count(query);
    }

    /** @param query filters @return how many pods the delegate holds that match */
    public long count(PodQuery query) {
        ensureOpen();
        return podPersist.count(query);
    }

    /** @return identities waiting or being written, jobs and pods together */
    public int pendingCount() {
        lock.lock();
        try {
            return jobs.size() + pods.size();
        } finally {
            lock.unlock();
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
        awaitFlush(Long.MAX_VALUE);
    }

    /**
     * As {@link #flush()}, giving up after a timeout.
     *
     * @param timeout how long to wait
     * @return true when everything accepted before the call is durable or reported; false on timeout
     * @throws IllegalStateException when the store is closed before that happens
     */
    public boolean flush(Duration timeout) {
        return awaitFlush(Math.max(0, timeout.toNanos()));
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
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.CLOSING;
                closeDeadlineNanos = System.nanoTime() + Math.max(0, timeout.toNanos());
                signalEverything();
            }
            while (closeReport == null && state == State.CLOSING && !outstanding.isEmpty()) {
                long left = closeDeadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                progress.awaitNanos(left);
            }
            if (closeReport != null) {
                return closeReport;
            }
            state = State.CLOSED;
            signalEverything();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.CLOSED;
            signalEverything();
        } finally {
            lock.unlock();
        }
        joinWriters();
        CloseReport report;
        lock.lock();
        try {
            if (closeReport == null) {
                List<JobKey> unwrittenJobs = new ArrayList<>(abandonedJobs);
                List<PodKey> unwrittenPods = new ArrayList<>(abandonedPods);
                jobs.collectKeys(unwrittenJobs);
                pods.collectKeys(unwrittenPods);
                jobs.clear();
                pods.clear();
                outstanding.clear();
                closeReport = new CloseReport(unwrittenJobs, unwrittenPods);
                metrics.close();
                progress.signalAll();
            }
            report = closeReport;
        } finally {
            lock.unlock();
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
        return "WriteBehindStore[" + options.name() + ", " + state + "]";
    }

    // ---------------------------------------------------------------- accepting

    private <K, R> void acceptSave(WriteLane<K, R> lane, R record) {
        long waitNanos = options.submitTimeout().toNanos();
        long started = System.nanoTime();
        lock.lock();
        try {
            while (true) {
                ensureAccepting();
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
                            long sequence = ++lastSequence;
                            lane.addSave(record, sequence, System.nanoTime());
                            accepted(lane, sequence);
                            return;
                        }
                    }
                }
                waitNanos = awaitRoom(waitNanos, started);
            }
        } finally {
            lock.unlock();
        }
    }

    private <K, R> void acceptRemoval(WriteLane<K, R> lane, K key, Instant removedAt) {
        long waitNanos = options.submitTimeout().toNanos();
        long started = System.nanoTime();
        lock.lock();
        try {
            while (true) {
                ensureAccepting();
                if (lane.mergeRemoval(key, removedAt)) {
                    return;
                }
                if (hasRoom()) {
                    long sequence = ++lastSequence;
                    lane.addRemoval(key, removedAt, sequence, System.nanoTime());
                    accepted(lane, sequence);
                    return;
                }
                waitNanos = awaitRoom(waitNanos, started);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoom() {
        return jobs.size() + pods.size() < options.maxPendingIdentities();
    }

    private void accepted(WriteLane<?, ?> lane, long sequence) {
        outstanding.add(sequence);
        int waiting = lane.waitingCount();
        // a writer idles without a deadline when nothing waits, and waits for a full batch otherwise
        if (waiting == 1 || waiting >= options.maxBatchSize() || maxDelayNanos == 0) {
            workReady.signal();
        }
    }

    private long awaitRoom(long waitNanos, long started) {
        if (waitNanos <= 0) {
            throw new WriteBehindFullException(options.name(), options.maxPendingIdentities(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        try {
            return roomFreed.awaitNanos(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistException("interrupted while waiting for room in write-behind '" + options.name()
                    + "' (maxPendingIdentities=" + options.maxPendingIdentities() + ")", e);
        }
    }

    private void ensureAccepting() {
        if (state != State.OPEN) {
            throw new IllegalStateException("write-behind '" + options.name() + "' is "
                    + (state == State.CLOSING ? "closing" : "closed") + "; no new events are accepted");
        }
    }

    private void ensureOpen() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("write-behind '" + options.name() + "' is closed");
        }
    }

    // ---------------------------------------------------------------- flushing

    private boolean awaitFlush(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            ensureOpen();
            long target = lastSequence;
            flushesWaiting++;
            workReady.signalAll();
            try {
                while (true) {
                    boolean done = outstanding.isEmpty() || outstanding.first() > target;
                    // close clears what it gave up on: done then means nothing, unless the report is complete
                    if (state == State.CLOSED && !(done && closeReport != null && closeReport.complete())) {
                        throw new IllegalStateException("write-behind '" + options.name()
                                + "' was closed before the flush completed; see its close report");
                    }
                    if (done) {
                        return true;
                    }
                    if (timeoutNanos == Long.MAX_VALUE) {
                        progress.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        progress.awaitNanos(left);
                    }
                }
            } finally {
                flushesWaiting--;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistException("interrupted while flushing write-behind '" + options.name() + "'", e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- writing

    /** One batch taken by a writer, with the lane it belongs to. */
    private record Batch<K, R>(WriteLane<K, R> lane, List<PendingWrite<K, R>> entries) {
    }

    private void runWriter() {
        while (true) {
            Batch<?, ?> batch = nextBatch();
            if (batch == null) {
                return;
            }
            write(batch);
        }
    }

    /** @return the next batch to write, or null when this writer should stop */
    private Batch<?, ?> nextBatch() {
        lock.lock();
        try {
            while (state != State.CLOSED) {
                long now = System.nanoTime();
                boolean urgent = flushesWaiting > 0 || state == State.CLOSING;
                WriteLane<?, ?> lane = dueLane(now, urgent);
                if (lane != null) {
                    Batch<?, ?> batch = take(lane);
                    if (!batch.entries().isEmpty()) {
                        return batch;
                    }
                }
                long wait = Long.MAX_VALUE;
                if (lane == null) {
                    long oldest = Math.min(jobs.oldestAcceptedNanos(), pods.oldestAcceptedNanos());
                    if (oldest != Long.MAX_VALUE) {
                        wait = Math.max(1, oldest + maxDelayNanos - now);
                    }
                }
                // else: everything due is being written by another writer; its completion signals
                awaitWork(wait);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private <K, R> Batch<K, R> take(WriteLane<K, R> lane) {
        return new Batch<>(lane, lane.take(options.maxBatchSize()));
    }

    private WriteLane<?, ?> dueLane(long now, boolean urgent) {
        boolean jobsDue = isDue(jobs, now, urgent);
        boolean podsDue = isDue(pods, now, urgent);
        if (jobsDue && podsDue) {
            // the lane whose oldest identity waited longer goes first, so neither starves
            return jobs.oldestAcceptedNanos() <= pods.oldestAcceptedNanos() ? jobs : pods;
        }
        return jobsDue ? jobs : podsDue ? pods : null;
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
                workReady.await();
            } else {
                workReady.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            // writers are private threads that nobody interrupts on purpose; stopping is driven by state
        }
    }

    private <K, R> void write(Batch<K, R> batch) {
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
        lock.lock();
        try {
            batch.lane().finished(entries);
            for (PendingWrite<K, R> entry : entries) {
                outstanding.remove(entry.sequence);
                if (abandoned && !entry.settled()) {
                    abandon(entry.key);
                }
            }
            progress.signalAll();
            roomFreed.signalAll();
            workReady.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void abandon(Object key) {
        if (key instanceof JobKey job) {
            abandonedJobs.add(job);
        } else {
            abandonedPods.add((PodKey) key);
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
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (state == State.CLOSED || (state == State.CLOSING && now - closeDeadlineNanos >= 0)) {
                    return false;
                }
                long left = until - now;
                if (left <= 0) {
                    return true;
                }
                if (state == State.CLOSING) {
                    left = Math.min(left, closeDeadlineNanos - now);
                }
                stateChanged.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.interrupted();
            return state == State.OPEN;
        } finally {
            lock.unlock();
        }
    }

    private void signalEverything() {
        workReady.signalAll();
        roomFreed.signalAll();
        progress.signalAll();
        stateChanged.signalAll();
    }

    private void joinWriters() {
        long deadline = System.nanoTime() + WRITER_GRACE_NANOS;
        for (Thread writer : writers) {
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
