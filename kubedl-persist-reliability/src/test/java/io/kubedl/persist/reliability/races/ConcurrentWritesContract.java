package io.kubedl.persist.reliability.races;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.reliability.StoreUnderTest;
import io.kubedl.persist.reliability.model.EndStateReport;
import io.kubedl.persist.reliability.model.StoreSnapshot;
import io.kubedl.persist.spi.MetaStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W6, I2, W8, B1 under contention: 8 threads, 1,000 job and 1,000 pod identities, 6
 * shuffled versions each, a mix of single saves and small batches, and a quarter of
 * the identities removed mid-race. The race runs once per class; each test checks
 * one consequence: one row per identity at its highest version with removed rows
 * removed; exactly one INSERTED per identity across all threads; every save after a
 * removal STALE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentWritesContract {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWritesContract.class);
    static final int THREADS = 8;
    static final int IDENTITIES = 1_000;
    static final int VERSIONS = 6;

    private final Map<WriteOutcome, AtomicInteger> outcomes = new EnumMap<>(WriteOutcome.class);
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger zombies = new AtomicInteger();
    private final AtomicInteger zombiesNotStale = new AtomicInteger();
    private EndStateReport report;

    abstract StoreUnderTest open();

    @BeforeAll
    void race() throws Exception {
        RacePlan plan = new RacePlan(42, IDENTITIES, IDENTITIES, VERSIONS, THREADS, 4);
        for (WriteOutcome o : WriteOutcome.values()) {
            outcomes.put(o, new AtomicInteger());
        }
        try (StoreUnderTest target = open()) {
            MetaStore store = target.store();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<RacePlan.Task> mine = plan.perThread.get(t);
                Random random = new Random(t);
                futures.add(pool.submit(() -> {
                    start.await();
                    int i = 0;
                    while (i < mine.size()) {
                        int n = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1;
                        List<RacePlan.Task> chunk = mine.subList(i, Math.min(mine.size(), i + n));
                        i += chunk.size();
                        write(store, chunk);
                        for (RacePlan.Task task : chunk) {
                            if (task.highest() && task.remove()) {
                                remove(store, task);
                                zombies.incrementAndGet();
                                if (saveZombie(store, task) != WriteOutcome.STALE) {
                                    zombiesNotStale.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("threads finished").isTrue();
            for (Future<?> f : futures) {
                f.get();
            }
            report = EndStateReport.compare(plan.oracle(), StoreSnapshot.read(store, RacePlan.REGION));
            LOG.info("RACE on {}: {} threads, {} identities x {} versions; outcomes {}; transient retries {};"
                    + " saves after removal {} (not STALE: {}); end state: {}", store.providerName(), THREADS,
                    2 * IDENTITIES, VERSIONS, outcomes, retries, zombies, zombiesNotStale, report);
        }
    }

    @Test
    void oneRowPerIdentityAtItsHighestVersionRemovedRowsRemoved() {
        assertThat(report.exact()).as(report.toString()).isTrue();
    }

    @Test
    void eachIdentityIsReportedInsertedExactlyOnce() {
        assertThat(outcomes.get(WriteOutcome.INSERTED).get())
                .as("INSERTED outcomes across all threads, one per identity (W1, I2, B1)").isEqualTo(2 * IDENTITIES);
    }

    @Test
    void savesAfterRemovalAreStale() {
        assertThat(zombies.get()).isPositive();
        assertThat(zombiesNotStale.get()).as("saves of a removed identity that were not STALE (W8)").isZero();
    }

    private void write(MetaStore store, List<RacePlan.Task> chunk) {
        List<JobRecord> jobs = new ArrayList<>();
        List<PodRecord> pods = new ArrayList<>();
        for (RacePlan.Task task : chunk) {
            if (task.job() != null) {
                jobs.add(task.job());
            } else {
                pods.add(task.pod());
            }
        }
        List<WriteOutcome> result = new ArrayList<>();
        if (jobs.size() == 1) {
            result.add(retrying(() -> store.jobs().save(jobs.get(0))));
        } else if (!jobs.isEmpty()) {
            result.addAll(retrying(() -> store.jobs().saveAll(jobs)));
        }
        if (pods.size() == 1) {
            result.add(retrying(() -> store.pods().save(pods.get(0))));
        } else if (!pods.isEmpty()) {
            result.addAll(retrying(() -> store.pods().saveAll(pods)));
        }
        result.forEach(o -> outcomes.get(o).incrementAndGet());
    }

    private void remove(MetaStore store, RacePlan.Task task) {
        WriteOutcome outcome = task.job() != null
                ? retrying(() -> store.jobs().markRemoved(task.job().key(), RacePlan.REMOVED_AT))
                : retrying(() -> store.pods().markRemoved(task.pod().key(), RacePlan.REMOVED_AT));
        assertThat(outcome).isIn(WriteOutcome.UPDATED, WriteOutcome.UNCHANGED);
    }

    private WriteOutcome saveZombie(MetaStore store, RacePlan.Task task) {
        // a version ten times higher: newer by KEP-5504, and still STALE because the row was removed (W8)
        return task.job() != null
                ? retrying(() -> store.jobs().save(task.job().withVersion(task.job().version().value() + "0")))
                : retrying(() -> store.pods().save(task.pod().withVersion(task.pod().version().value() + "0")));
    }

    /** A caller retries transient failures (a deadlock between two batches); the version guard makes it safe. */
    private <T> T retrying(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (PersistException e) {
                if (!e.isTransient() || attempt >= 20) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }
}
