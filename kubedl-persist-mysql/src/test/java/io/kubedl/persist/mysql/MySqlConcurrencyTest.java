package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.job;
import static io.kubedl.persist.mysql.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** W6 and I2 under real concurrency: one row per identity, at its highest version; D1's batch removal exact per key. */
@ExtendWith(FreshDatabaseExtension.class)
class MySqlConcurrencyTest {
    private static final int THREADS = 16;
    private static final int IDENTITIES = 500;
    private static final int VERSIONS = 8;

    @Test
    void w6_sixteenThreadsRacingSavesOfFiveHundredIdentitiesEndAtTheHighestVersions(TestDatabase db) throws Exception {
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, Integer.toString(THREADS)))) {
            MySqlTestStores.empty(db);
            // every thread saves a shuffled quarter of all (identity, version) pairs: 16 x 1000 saves
            AtomicInteger inserted = new AtomicInteger();
            Map<String, Integer> highest = new ConcurrentHashMap<>();
            race(THREADS, t -> {
                List<JobRecord> all = new ArrayList<>();
                for (int i = 0; i < IDENTITIES; i++) {
                    for (int v = 1; v <= VERSIONS; v++) {
                        all.add(job("id" + i, Integer.toString(v * 7), v % 2 == 0 ? JobStatus.RUNNING : JobStatus.CREATED));
                    }
                }
                Collections.shuffle(all, new Random(t));
                for (JobRecord job : all.subList(0, all.size() / 4)) {
                    if (store.jobs().save(job) == WriteOutcome.INSERTED) {
                        inserted.incrementAndGet();
                    }
                    highest.merge(job.jobId(), Integer.parseInt(job.version().value()), Math::max);
                }
            });
            assertThat(highest).as("every identity was saved by some thread").hasSize(IDENTITIES);
            assertThat(inserted.get()).as("exactly one INSERTED per identity").isEqualTo(IDENTITIES);
            Map<String, String> expected = new HashMap<>();
            highest.forEach((id, v) -> expected.put(id, Integer.toString(v)));
            assertOneRowPerIdentity(db, "job_info", "job_id", expected);
        }
    }

    @Test
    void w6_b1_concurrentBatchesOfOverlappingPodsEndAtTheHighestVersionsWithOneInsertedEach(TestDatabase db) throws Exception {
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, "8"))) {
            MySqlTestStores.empty(db);
            Map<String, Integer> highest = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> insertedPerIdentity = new ConcurrentHashMap<>();
            race(8, t -> {
                Random random = new Random(100 + t);
                for (int round = 0; round < 10; round++) {
                    List<PodRecord> batch = new ArrayList<>();
                    for (int k = 0; k < 100; k++) {
                        int i = random.nextInt(200);
                        int v = 1 + random.nextInt(20);
                        batch.add(pod("p" + i, "j", "w-" + i, Integer.toString(v), PodStatus.RUNNING));
                        highest.merge("p" + i, v, Math::max);
                    }
                    List<WriteOutcome> outcomes = store.pods().saveAll(batch);
                    assertThat(outcomes).hasSize(100);
                    for (int k = 0; k < outcomes.size(); k++) {
                        if (outcomes.get(k) == WriteOutcome.INSERTED) {
                            insertedPerIdentity.computeIfAbsent(batch.get(k).podId(), id -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            });
            // B1 + I2: batches that race on new identities still report exactly one INSERTED for each
            assertThat(insertedPerIdentity.keySet()).as("identities reported INSERTED").isEqualTo(highest.keySet());
            assertThat(insertedPerIdentity.values()).extracting(AtomicInteger::get).as("INSERTED per identity").containsOnly(1);
            Map<String, String> expected = new HashMap<>();
            highest.forEach((id, v) -> expected.put(id, Integer.toString(v)));
            assertOneRowPerIdentity(db, "replica_info", "pod_id", expected);
        }
    }
    @Test
    void d1_concurrentMarkRemovedAllOfOverlappingKeysReportsOneUpdatedPerKey(TestDatabase db) throws Exception {
        int jobs = 1200; // more than one IN chunk of 500
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, "8"))) {
            MySqlTestStores.empty(db);
            List<JobRecord> all = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                all.add(job("r" + i, "1", i % 3 == 0 ? JobStatus.SUCCEEDED : JobStatus.RUNNING));
            }
            for (int i = 0; i < jobs; i += 500) {
                store.jobs().saveAll(all.subList(i, Math.min(jobs, i + 500)));
            }
            Map<String, AtomicInteger> updatedPerKey = new ConcurrentHashMap<>();
            AtomicInteger notFound = new AtomicInteger();
            race(8, t -> {
                // each thread: a shuffled two-thirds of the keys, some twice, plus unknown keys
                List<JobKey> keys = new ArrayList<>();
                for (JobRecord job : all) {
                    keys.add(job.key());
                }
                Collections.shuffle(keys, new Random(t));
                keys = new ArrayList<>(keys.subList(0, jobs * 2 / 3));
                keys.addAll(keys.subList(0, 50));
                keys.add(JobKey.of("unknown-" + t));
                List<WriteOutcome> outcomes = store.jobs().markRemovedAll(keys, Fixtures.T0.plusSeconds(60 + t));
                assertThat(outcomes).hasSize(keys.size());
                for (int k = 0; k < keys.size(); k++) {
                    if (outcomes.get(k) == WriteOutcome.UPDATED) {
                        updatedPerKey.computeIfAbsent(keys.get(k).jobId(), id -> new AtomicInteger()).incrementAndGet();
                    } else if (outcomes.get(k) == WriteOutcome.NOT_FOUND) {
                        notFound.incrementAndGet();
                    }
                }
            });
            // D1 under concurrency: every key that some thread listed was marked by exactly one call
            assertThat(updatedPerKey.values()).extracting(AtomicInteger::get).as("UPDATED per key").containsOnly(1);
            assertThat(notFound.get()).as("NOT_FOUND only for the unknown keys").isEqualTo(8);
            for (JobRecord job : all) {
                JobRecord stored = store.jobs().get(job.key()).orElseThrow();
                if (updatedPerKey.containsKey(job.jobId())) {
                    assertThat(stored.inEtcd()).as("%s removed", job.jobId()).isFalse();
                    assertThat(stored.status()).as("%s status", job.jobId())
                            .isEqualTo(job.status().isFinished() ? job.status() : JobStatus.STOPPED);
                } else {
                    assertThat(stored.inEtcd()).as("%s listed by no thread stays in etcd", job.jobId()).isTrue();
                }
            }
        }
    }

    interface Body {
        void run(int thread) throws Exception;
    }

    private static void race(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneRowPerIdentity(TestDatabase db, String table, String idColumn,
            Map<String, String> expectedVersions) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + idColumn + ", version FROM " + table)) {
            while (rs.next()) {
                rows.merge(rs.getString(1), 1, Integer::sum);
                versions.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(rows.values()).as("I2: one row per identity").containsOnly(1);
        assertThat(versions).as("W6: each identity at its highest saved version").isEqualTo(expectedVersions);
    }
}
