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
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W6, I2, W8, B1 under contention: 8 threads, 1,000 job and 1,000 pod identities, 6
 * shuffled versions each, a mix of single saves and small batches, and a quarter of
 * the identities removed mid-race. Afterwards: exactly one row per identity, at its
 * highest version; removed rows removed; exactly one INSERTED per identity across
 * all threads; every save after a removal STALE.
 */
abstract class ConcurrentWritesContract {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWritesContract.class);
    static final int THREADS = 8;
    static final int IDENTITIES = 1_000;
    static final int VERSIONS = 6;

    abstract StoreUnderTest open();

    @Test
    void racingSavesBatchesAndRemovalsEndAtTheHighestVersionOncePerIdentity() throws Exception {
        RacePlan plan = new RacePlan(42, IDENTITIES, IDENTITIES, VERSIONS, THREADS, 4);
        Map<WriteOutcome, AtomicInteger> outcomes = new EnumMap<>(WriteOutcome.class);
        for (WriteOutcome o : WriteOutcome.values()) {
            outcomes.put(o, new AtomicInteger());
        }
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger zombies = new AtomicInteger();
        AtomicInteger zombiesNotStale = new AtomicInteger();
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
                        write(store, chunk, outcomes, retries);
                        for (RacePlan.Task task : chunk) {
                            if (task.highest() && task.remove()) {
                                remove(store, task, retries);
                                WriteOutcome zombie = saveZombie(store, task, retries);
                                zombies.incrementAndGet();
                                if (zombie != WriteOutcome.STALE) {
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
            EndStateReport report = EndStateReport.compare(plan.oracle(), StoreSnapshot.read(store, RacePlan.REGION));
            LOG.info("race on {}: {} threads, {} identities x {} versions; outcomes {}; transient retries {};"
                    + " saves after removal {} (not STALE: {}); end state: {}", store.providerName(), THREADS,
                    2 * IDENTITIES, VERSIONS, outcomes, retries, zombies, zombiesNotStale, report);
            assertThat(report.exact()).as(report.toString()).isTrue();
            assertThat(outcomes.get(WriteOutcome.INSERTED).get()).as("one INSERTED per identity (I2)")
                    .isEqualTo(2 * IDENTITIES);
            assertThat(zombiesNotStale.get()).as("saves of a removed identity are STALE (W8)").isZero();
        }
    }

    private static void write(MetaStore store, List<RacePlan.Task> chunk, Map<WriteOutcome, AtomicInteger> outcomes,
            AtomicInteger retries) {
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
            result.add(retrying(() -> store.jobs().save(jobs.get(0)), retries));
        } else if (!jobs.isEmpty()) {
            result.addAll(retrying(() -> store.jobs().saveAll(jobs), retries));
        }
        if (pods.size() == 1) {
            result.add(retrying(() -> store.pods().save(pods.get(0)), retries));
        } else if (!pods.isEmpty()) {
            result.addAll(retrying(() -> store.pods().saveAll(pods), retries));
        }
        result.forEach(o -> outcomes.get(o).incrementAndGet());
    }

    private static void remove(MetaStore store, RacePlan.Task task, AtomicInteger retries) {
        WriteOutcome outcome = task.job() != null
                ? retrying(() -> store.jobs().markRemoved(task.job().key(), RacePlan.REMOVED_AT), retries)
                : retrying(() -> store.pods().markRemoved(task.pod().key(), RacePlan.REMOVED_AT), retries);
        assertThat(outcome).isIn(WriteOutcome.UPDATED, WriteOutcome.UNCHANGED);
    }

    private static WriteOutcome saveZombie(MetaStore store, RacePlan.Task task, AtomicInteger retries) {
        return task.job() != null
                ? retrying(() -> store.jobs().save(task.job().withVersion(task.job().version().value() + "0")), retries)
                : retrying(() -> store.pods().save(task.pod().withVersion(task.pod().version().value() + "0")), retries);
    }

    /** A caller retries transient failures (a deadlock between two batches); the version guard makes it safe. */
    static <T> T retrying(Supplier<T> call, AtomicInteger retries) {
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
