package io.kubedl.persist.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.spi.PodPersist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WriteBehindStoreTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RecordingMetaStore delegate = new RecordingMetaStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<WriteFailure> failures = new CopyOnWriteArrayList<>();
    private final List<WriteBehindStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        delegate.jobTable.openGate();
        delegate.podTable.openGate();
        opened.forEach(s -> s.close(Duration.ofSeconds(5)));
    }

    /** Options under which nothing is written until flush or close, so tests decide when batches go out. */
    private WriteBehindOptions.Builder manual() {
        return WriteBehindOptions.builder().name("test").maxDelay(WriteBehindOptions.MAX_DELAY)
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(4))
                .listener(failures::add).meterRegistry(meters);
    }

    private WriteBehindStore open(WriteBehindOptions.Builder options) {
        WriteBehindStore store = WriteBehindStore.wrap(delegate, options.build());
        opened.add(store);
        return store;
    }

    private static JobRecord job(String id, String version, JobStatus status) {
        return JobRecord.builder().jobId(id).name("job-" + id).namespace("ns").kind("TFJob").version(version)
                .status(status).gmtCreated(T0).build();
    }

    private static JobRecord job(String id, String version) {
        return job(id, version, JobStatus.RUNNING);
    }

    private static PodRecord pod(String id, String version, PodStatus status) {
        return PodRecord.builder().podId(id).jobId("j").name("j-worker-" + id).namespace("ns").version(version)
                .status(status).gmtCreated(T0).build();
    }

    private double counter(String name) {
        return meters.get(MicrometerWriteBehindMetrics.PREFIX + name).counter().count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            // polls a thread state that no monitor signals; yields the core to the thread observed
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Nested
    class Coalescing {
        @Test
        void onlyTheNewestVersionOfAnIdentityIsWritten() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1", JobStatus.CREATED));
            store.submit(job("a", "2", JobStatus.RUNNING));
            store.submit(job("b", "5"));
            store.submit(job("a", "3", JobStatus.SUCCEEDED));

            store.flush();

            assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a, b]");
            assertThat(delegate.jobTable.get(JobKey.of("a")).orElseThrow().version().value()).isEqualTo("3");
            assertThat(delegate.jobTable.get(JobKey.of("a")).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(counter("coalesced")).isEqualTo(2);
        }

        @Test
        void anOlderOrEqualVersionArrivingLaterIsDroppedAndCountedStale() {
            WriteBehindStore store = open(manual());
            store.submit(pod("p", "10", PodStatus.RUNNING));
            store.submit(pod("p", "9", PodStatus.PENDING));
            store.submit(pod("p", "10", PodStatus.RUNNING));

            store.flush();

            assertThat(delegate.podTable.calls()).containsExactly("saveAll[p]");
            assertThat(delegate.podTable.get(PodKey.of("p")).orElseThrow().version().value()).isEqualTo("10");
            assertThat(counter("stale")).isEqualTo(2);
        }

        @Test
        void pendingMemoryGrowsWithIdentitiesNotWithEvents() {
            WriteBehindStore store = open(manual());
            for (int version = 1; version <= 1000; version++) {
                store.submit(job("a", Integer.toString(version)));
                store.submit(job("b", Integer.toString(version)));
            }
            assertThat(store.pendingCount()).isEqualTo(2);
            store.flush();
            assertThat(store.pendingCount()).isZero();
            assertThat(delegate.jobTable.get(JobKey.of("b")).orElseThrow().version().value()).isEqualTo("1000");
        }

        @Test
        void aFullBatchIsWrittenWithoutWaitingForMaxDelay() throws InterruptedException {
            WriteBehindStore store = open(manual().maxBatchSize(3));
            store.submit(job("a", "1"));
            store.submit(job("b", "1"));
            store.submit(job("c", "1"));
            delegate.jobTable.awaitRows("a full batch written", rows -> rows.size() == 3, DEADLINE);
            assertThat(delegate.jobTable.batchSizes()).containsExactly(3);
            assertThat(store.pendingCount()).isZero();
        }

        @Test
        void aPartialBatchIsWrittenOnceItsOldestIdentityWaitedMaxDelay() throws InterruptedException {
            WriteBehindStore store = open(manual().maxDelay(Duration.ZERO));
            store.submit(job("a", "1"));
            delegate.jobTable.awaitRows("the age trigger to write a", rows -> rows.containsKey(JobKey.of("a")),
                    DEADLINE);
        }
    }

    @Nested
    class Removals {
        @Test
        void aRemovalWaitingWithItsSaveIsFoldedIntoThatSave() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1", JobStatus.RUNNING));
            store.markRemoved(JobKey.of("a"), T0.plusSeconds(60));
            store.submit(pod("p", "1", PodStatus.SUCCEEDED).toBuilder().gmtFinished(T0.plusSeconds(9)).build());
            store.markRemoved(PodKey.of("p"), T0.plusSeconds(60));

            store.flush();

            assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]");
            JobRecord job = delegate.jobTable.get(JobKey.of("a")).orElseThrow();
            assertThat(job.inEtcd()).isFalse();
            assertThat(job.status()).as("D1: unfinished becomes Stopped").isEqualTo(JobStatus.STOPPED);
            assertThat(job.gmtFinished()).isEqualTo(T0.plusSeconds(60));
            assertThat(job.gmtModified()).isEqualTo(T0.plusSeconds(60));
            assertThat(job.version().value()).as("D1: version unchanged").isEqualTo("1");
            PodRecord pod = delegate.podTable.get(PodKey.of("p")).orElseThrow();
            assertThat(pod.inEtcd()).isFalse();
            assertThat(pod.status()).as("D1: a finished pod keeps its status").isEqualTo(PodStatus.SUCCEEDED);
            assertThat(pod.gmtFinished()).isEqualTo(T0.plusSeconds(9));
        }

        @Test
        void aRemovalWhoseSaveIsStaleIsWrittenAfterItByMarkRemoved() {
            delegate.jobs().save(job("a", "5", JobStatus.RUNNING));
            WriteBehindStore store = open(manual());
            store.submit(job("a", "3", JobStatus.CREATED));
            store.markRemoved(JobKey.of("a"), T0.plusSeconds(60));

            store.flush();

            assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]", "saveAll[a]", "markRemoved[a]");
            JobRecord row = delegate.jobTable.get(JobKey.of("a")).orElseThrow();
            assertThat(row.inEtcd()).isFalse();
            assertThat(row.version().value()).isEqualTo("5");
            assertThat(row.status()).isEqualTo(JobStatus.STOPPED);
            assertThat(counter("stale")).as("the store found the save STALE").isEqualTo(1);
        }

        @Test
        void removalsWhoseSavesWereWrittenGoOutAsOneMarkRemovedAllPerRemovalTime() {
            List<String> batches = new CopyOnWriteArrayList<>();
            PodPersist pods = delegate.pods();
            PodPersist recording = (PodPersist) Proxy.newProxyInstance(PodPersist.class.getClassLoader(),
                    new Class<?>[] {PodPersist.class}, (proxy, method, args) -> {
                        if (method.getName().equals("markRemovedAll")) {
                            batches.add(args[1] + " " + ((List<?>) args[0]).stream().map(k -> ((PodKey) k).podId()).toList());
                        }
                        try {
                            return method.invoke(pods, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            WriteBehindStore store = WriteBehindStore.wrap(delegate.jobs(), recording, manual().writerThreads(1).build());
            opened.add(store);
            for (String id : List.of("a", "b", "c", "d")) {
                store.submit(pod(id, "1", PodStatus.RUNNING));
            }
            store.flush();
            Instant first = T0.plusSeconds(60);
            Instant second = T0.plusSeconds(61);
            store.markRemoved(PodKey.of("a"), first);
            store.markRemoved(PodKey.of("b"), first);
            store.markRemoved(PodKey.of("c"), second);
            store.markRemoved(PodKey.of("d"), first);

            store.flush();

            assertThat(batches).as("one markRemovedAll per removal time, keys in the order they were removed")
                    .containsExactly(first + " [a, b, d]", second + " [c]");
            for (String id : List.of("a", "b", "c", "d")) {
                PodRecord row = delegate.podTable.get(PodKey.of(id)).orElseThrow();
                assertThat(row.inEtcd()).as("pod %s removed", id).isFalse();
                assertThat(row.status()).as("pod %s stopped", id).isEqualTo(PodStatus.STOPPED);
            }
            assertThat(failures).isEmpty();
        }

        @Test
        void aFinishedRecordWithoutGmtFinishedIsNotFolded() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1", JobStatus.FAILED));
            store.markRemoved(JobKey.of("a"), T0.plusSeconds(60));

            store.flush();

            assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]", "markRemoved[a]");
            JobRecord row = delegate.jobTable.get(JobKey.of("a")).orElseThrow();
            assertThat(row.inEtcd()).isFalse();
            assertThat(row.status()).isEqualTo(JobStatus.FAILED);
            assertThat(row.gmtFinished()).isEqualTo(T0.plusSeconds(60));
        }

        @Test
        void aRemovalAcceptedWhileTheSaveIsBeingWrittenWaitsForIt() throws InterruptedException {
            WriteBehindStore store = open(manual().maxDelay(Duration.ZERO));
            delegate.podTable.closeGate();
            store.submit(pod("p", "1", PodStatus.RUNNING));
            delegate.podTable.awaitWriterAtGate(DEADLINE);

            store.markRemoved(PodKey.of("p"), T0.plusSeconds(5));
            store.submit(pod("p", "2", PodStatus.SUCCEEDED));
            delegate.podTable.openGate();
            store.flush();

            assertThat(delegate.podTable.calls()).containsExactly("saveAll[p]", "markRemoved[p]");
            PodRecord row = delegate.podTable.get(PodKey.of("p")).orElseThrow();
            assertThat(row.inEtcd()).isFalse();
            assertThat(row.version().value()).as("a save after the removal is stale (W8)").isEqualTo("1");
            assertThat(counter("stale")).isEqualTo(1);
        }

        @Test
        void aSaveAfterARemovalIsStaleAndASecondRemovalIsANoOp() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1"));
            store.markRemoved(JobKey.of("a"), T0.plusSeconds(1));
            store.markRemoved(JobKey.of("a"), T0.plusSeconds(2));
            store.submit(job("a", "2"));

            store.flush();

            assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]");
            assertThat(delegate.jobTable.get(JobKey.of("a")).orElseThrow().gmtFinished()).isEqualTo(T0.plusSeconds(1));
        }
    }

    @Nested
    class BackPressure {
        @Test
        void aNewIdentityBlocksAtTheCapThenGetsAnExceptionNamingIt() throws Exception {
            WriteBehindStore store = open(manual().maxBatchSize(1).maxPendingIdentities(2).maxDelay(Duration.ZERO)
                    .submitTimeout(Duration.ofMillis(50)));
            delegate.jobTable.closeGate();
            store.submit(job("a", "1"));
            delegate.jobTable.awaitWriterAtGate(DEADLINE);
            store.submit(job("b", "1"));

            assertThatThrownBy(() -> store.submit(job("c", "1")))
                    .isInstanceOf(WriteBehindFullException.class)
                    .hasMessageContaining("maxPendingIdentities=2")
                    .satisfies(e -> assertThat(((WriteBehindFullException) e).isTransient()).isTrue());
            // a newer version of a pending identity never blocks: memory does not grow
            store.submit(job("b", "2"));
            assertThat(store.pendingCount()).isEqualTo(2);

            delegate.jobTable.openGate();
            store.flush();
            assertThat(delegate.jobTable.rows()).containsOnlyKeys(JobKey.of("a"), JobKey.of("b"));
        }

        @Test
        void aBlockedSubmitterProceedsOnceTheWritersFreeRoom() throws Exception {
            WriteBehindStore store = open(manual().maxBatchSize(1).maxPendingIdentities(1).maxDelay(Duration.ZERO)
                    .submitTimeout(DEADLINE));
            delegate.jobTable.closeGate();
            store.submit(job("a", "1"));
            delegate.jobTable.awaitWriterAtGate(DEADLINE);

            ExecutorService submitter = Executors.newSingleThreadExecutor();
            try {
                CountDownLatch started = new CountDownLatch(1);
                Future<?> blocked = submitter.submit(() -> {
                    started.countDown();
                    store.submit(job("b", "1"));
                });
                started.await();
                await("the submitter to block", () -> store.pendingCount() == 1 && hasWaiter(store));
                assertThat(blocked).isNotDone();

                delegate.jobTable.openGate();
                blocked.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                store.flush();
                assertThat(delegate.jobTable.rows()).containsOnlyKeys(JobKey.of("a"), JobKey.of("b"));
            } finally {
                submitter.shutdownNow();
            }
        }

        @Test
        void anInterruptedSubmitterGetsAPersistExceptionAndKeepsItsInterruptFlag() throws Exception {
            WriteBehindStore store = open(manual().maxBatchSize(1).maxPendingIdentities(1).maxDelay(Duration.ZERO)
                    .submitTimeout(DEADLINE));
            delegate.jobTable.closeGate();
            store.submit(job("a", "1"));
            delegate.jobTable.awaitWriterAtGate(DEADLINE);

            ExecutorService submitter = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> interrupted = submitter.submit(() -> {
                    Thread.currentThread().interrupt();
                    assertThatThrownBy(() -> store.submit(job("b", "1")))
                            .isInstanceOf(io.kubedl.persist.PersistException.class)
                            .hasMessageContaining("interrupted while waiting for room");
                    return Thread.currentThread().isInterrupted();
                });
                assertThat(interrupted.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            } finally {
                submitter.shutdownNow();
            }
            delegate.jobTable.openGate();
            store.flush();
            assertThat(delegate.jobTable.rows()).containsOnlyKeys(JobKey.of("a"));
        }

        private boolean hasWaiter(WriteBehindStore store) {
            return Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getState() == Thread.State.TIMED_WAITING && List.of(t.getStackTrace()).stream()
                            .anyMatch(f -> f.getMethodName().equals("awaitRoom")));
        }
    }

    @Nested
    class Failures {
        @Test
        void aPermanentFailureIsReportedForTheBadItemOnlyAndTheRestIsWritten() {
            WriteBehindStore store = open(manual());
            delegate.jobTable.refuse("bad");
            for (int i = 0; i < 10; i++) {
                store.submit(job(i == 6 ? "bad" : "j" + i, "1"));
            }

            store.flush();

            assertThat(delegate.jobTable.rows()).hasSize(9).doesNotContainKey(JobKey.of("bad"));
            assertThat(failures).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo(JobKey.of("bad"));
                assertThat(f.operation()).isEqualTo(WriteFailure.Operation.SAVE);
                assertThat(f.cause()).isInstanceOf(InvalidRecordException.class);
                assertThat(f.transientCause()).isFalse();
            });
            assertThat(counter("failures")).isEqualTo(1);
        }

        @Test
        void aBadItemDoesNotBlockTheNextBatches() {
            WriteBehindStore store = open(manual());
            delegate.podTable.refuse("bad");
            store.submit(pod("bad", "1", PodStatus.PENDING));
            store.flush();
            store.submit(pod("good", "1", PodStatus.PENDING));
            store.flush();

            assertThat(delegate.podTable.rows()).containsOnlyKeys(PodKey.of("good"));
            assertThat(failures).extracting(WriteFailure::key).containsExactly(PodKey.of("bad"));
        }

        @Test
        void transientFailuresAreRetriedUntilTheWriteSucceeds() {
            WriteBehindStore store = open(manual());
            delegate.jobTable.failNextWrites(3,
                    () -> new TransientPersistException("connection lost (test)", null));
            store.submit(job("a", "1"));
            store.submit(job("b", "1"));
            store.markRemoved(JobKey.of("b"), T0);

            store.flush();

            assertThat(delegate.jobTable.rows()).containsOnlyKeys(JobKey.of("a"), JobKey.of("b"));
            assertThat(delegate.jobTable.get(JobKey.of("b")).orElseThrow().inEtcd()).isFalse();
            assertThat(counter("retries")).isEqualTo(3);
            assertThat(failures).isEmpty();
        }

        @Test
        void aTransientFailureThatOutlivesMaxAttemptsIsReportedPerIdentity() {
            WriteBehindStore store = open(manual().maxAttempts(2));
            delegate.podTable.failNextWrites(2, () -> new TransientPersistException("deadlock 1213 (test)", null));
            store.submit(pod("p1", "1", PodStatus.PENDING));
            store.submit(pod("p2", "1", PodStatus.PENDING));

            store.flush();

            assertThat(failures).extracting(WriteFailure::key).containsExactlyInAnyOrder(PodKey.of("p1"),
                    PodKey.of("p2"));
            assertThat(failures).allSatisfy(f -> {
                assertThat(f.transientCause()).isTrue();
                assertThat(f.attempts()).isEqualTo(2);
            });
            assertThat(counter("retries")).isEqualTo(1);
            // splitting would have retried the halves, which the double no longer fails
            assertThat(delegate.podTable.rows()).as("a transient failure is not split").isEmpty();
        }

        @Test
        void aListenerThatThrowsDoesNotStopTheWriter() {
            WriteBehindStore store = open(manual().listener(f -> {
                throw new IllegalStateException("listener bug (test)");
            }));
            delegate.jobTable.refuse("bad");
            store.submit(job("bad", "1"));
            store.flush();
            store.submit(job("good", "1"));
            store.flush();
            assertThat(delegate.jobTable.rows()).containsOnlyKeys(JobKey.of("good"));
        }
    }

    @Nested
    class FlushAndClose {
        @Test
        void flushReturnsOnceEverythingAcceptedBeforeItIsDurable() {
            WriteBehindStore store = open(manual());
            for (int i = 0; i < 100; i++) {
                store.submit(job("j" + i, "1"));
                store.submit(pod("p" + i, "1", PodStatus.RUNNING));
            }
            store.flush();
            assertThat(delegate.jobTable.rows()).hasSize(100);
            assertThat(delegate.podTable.rows()).hasSize(100);
            assertThat(store.pendingCount()).isZero();
        }

        @Test
        void flushWithNothingPendingReturnsAtOnce() {
            WriteBehindStore store = open(manual());
            assertThat(store.flush(Duration.ZERO)).isTrue();
            store.flush();
            assertThat(delegate.jobTable.calls()).isEmpty();
        }

        @Test
        void flushWithATimeoutAnswersFalseWhileTheStoreIsDown() throws InterruptedException {
            WriteBehindStore store = open(manual());
            delegate.jobTable.closeGate();
            store.submit(job("a", "1"));
            assertThat(store.flush(Duration.ZERO)).isFalse();
            delegate.jobTable.openGate();
            assertThat(store.flush(DEADLINE)).isTrue();
        }

        @Test
        void closeDrainsEverythingPending() {
            WriteBehindStore store = open(manual());
            for (int i = 0; i < 50; i++) {
                store.submit(job("j" + i, "2"));
                store.markRemoved(PodKey.of("p" + i), T0);
            }
            CloseReport report = store.close(DEADLINE);

            assertThat(report.complete()).isTrue();
            assertThat(delegate.jobTable.rows()).hasSize(50);
            assertThat(delegate.podTable.calls()).hasSize(50);
            assertThat(store.close(Duration.ZERO)).as("close is idempotent").isSameAs(report);
        }

        @Test
        void closeReportsTheIdentitiesItCouldNotWrite() {
            WriteBehindStore store = open(manual());
            store.submit(pod("p", "1", PodStatus.PENDING));
            store.flush();
            delegate.jobTable.failNextWrites(Integer.MAX_VALUE,
                    () -> new TransientPersistException("server down (test)", null));
            store.submit(job("a", "1"));

            CloseReport report = store.close(Duration.ofMillis(100));

            assertThat(report.complete()).isFalse();
            assertThat(report.unwrittenJobs()).containsExactly(JobKey.of("a"));
            assertThat(report.unwrittenPods()).isEmpty();
            assertThat(delegate.podTable.rows()).containsOnlyKeys(PodKey.of("p"));
            assertThat(report.toString()).contains("a");
        }

        @Test
        void aFlushThatCloseCutsShortFailsInsteadOfClaimingDurability() throws Exception {
            WriteBehindStore store = open(manual());
            delegate.jobTable.closeGate();
            store.submit(job("a", "1"));
            ExecutorService flusher = Executors.newSingleThreadExecutor();
            try {
                Future<?> flush = flusher.submit(() -> store.flush());
                delegate.jobTable.awaitWriterAtGate(DEADLINE);

                CloseReport report = store.close(Duration.ZERO);

                assertThat(report.unwrittenJobs()).containsExactly(JobKey.of("a"));
                assertThatThrownBy(() -> flush.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed before the flush completed");
            } finally {
                flusher.shutdownNow();
            }
        }

        @Test
        void afterCloseEveryMethodRefusesWithAClearMessage() {
            WriteBehindStore store = open(manual());
            store.close();
            assertThatThrownBy(() -> store.submit(job("a", "1"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
            assertThatThrownBy(() -> store.markRemoved(PodKey.of("p"), T0))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.get(JobKey.of("a"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(store::flush).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void readsPassThroughToTheDelegate() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1"));
            assertThat(store.get(JobKey.of("a"))).as("pending events are not visible").isEmpty();
            store.flush();
            assertThat(store.get(JobKey.of("a"))).isPresent();
            assertThat(store.findLatestJob("ns", "job-a", "TFJob")).isPresent();
            assertThat(store.list(JobQuery.builder().build()).items()).hasSize(1);
            assertThat(store.count(JobQuery.builder().build())).isEqualTo(1);
        }

        @Test
        void metricsAreRegisteredAndRemovedOnClose() {
            WriteBehindStore store = open(manual());
            store.submit(job("a", "1"));
            assertThat(meters.get(MicrometerWriteBehindMetrics.PREFIX + "pending").gauge().value()).isEqualTo(1);
            store.flush();
            assertThat(meters.get(MicrometerWriteBehindMetrics.PREFIX + "batch.size").summary().count())
                    .isEqualTo(1);
            assertThat(meters.get(MicrometerWriteBehindMetrics.PREFIX + "flush").timer().count()).isEqualTo(1);
            store.close();
            assertThat(meters.find(MicrometerWriteBehindMetrics.PREFIX + "pending").gauge()).isNull();
        }
    }

    @Nested
    class Concurrency {
        @Test
        void concurrentSubmittersLoseNothingAndTheHighestVersionWins() throws Exception {
            int identities = 300;
            int versions = 6;
            WriteBehindStore store = open(manual().maxDelay(Duration.ofMillis(1)).maxBatchSize(16)
                    .maxPendingIdentities(64).writerThreads(3).submitTimeout(DEADLINE));
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = t;
                    done.add(pool.submit(() -> {
                        // each submitter sends every version of every identity, shuffled: duplicates and disorder
                        List<Runnable> events = new ArrayList<>();
                        for (int i = 0; i < identities; i++) {
                            for (int v = 1; v <= versions; v++) {
                                String id = "j" + i;
                                String version = Integer.toString(v);
                                events.add(() -> store.submit(job(id, version)));
                                events.add(() -> store.submit(pod(id, version, PodStatus.RUNNING)));
                            }
                        }
                        Collections.shuffle(events, new Random(seed));
                        events.forEach(Runnable::run);
                    }));
                }
                for (Future<?> f : done) {
                    f.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } finally {
                pool.shutdown();
            }
            store.flush();

            assertThat(delegate.jobTable.rows()).hasSize(identities);
            assertThat(delegate.podTable.rows()).hasSize(identities);
            assertThat(delegate.jobTable.rows().values()).allSatisfy(j -> assertThat(j.version().value())
                    .isEqualTo(Integer.toString(versions)));
            assertThat(delegate.podTable.rows().values()).allSatisfy(p -> assertThat(p.version().value())
                    .isEqualTo(Integer.toString(versions)));
            assertThat(delegate.jobTable.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 16));
            assertThat(failures).isEmpty();
        }
    }
}
