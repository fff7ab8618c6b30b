package io.kubedl.persist.galera;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.MetaStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
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
import org.slf4j.LoggerFactory;

/**
 * Writers on all three nodes at once, on the same identities, every version of each
 * in its own shuffled order (multi-primary: conflicting writesets fail certification
 * and surface as deadlocks, which the provider retries). Rules I2, W6, B1 across
 * nodes: one INSERTED per identity, one row per identity at the highest version, the
 * same rows on every node.
 */
class GaleraMultiPrimaryWritersTest {
    private static final int PODS = 300;
    private static final int VERSIONS = 10;
    private static final int BATCH = 50;

    @Test
    void writersOnThreeNodesOnTheSameIdentitiesEndWithOneRowAtTheHighestVersion() throws Exception {
        GaleraCluster cluster = SharedCluster.get();
        String db = SharedCluster.createDatabase("multi");
        long conflictsBefore = conflicts(cluster);
        Map<String, AtomicInteger> inserted = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        List<MetaStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (GaleraNode n : cluster.nodes()) {
                stores.add(SharedCluster.open(db, n, b -> b));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                MetaStore store = stores.get(w);
                long seed = 1000L + w;
                writers.add(pool.submit(() -> {
                    List<PodRecord> all = new ArrayList<>();
                    for (int p = 0; p < PODS; p++) {
                        for (int v = 1; v <= VERSIONS; v++) {
                            all.add(GaleraRows.pod(String.format("mp-%04d", p), v));
                        }
                    }
                    Collections.shuffle(all, new Random(seed));
                    go.await();
                    for (int i = 0; i < all.size(); i += BATCH) {
                        List<PodRecord> batch = all.subList(i, Math.min(all.size(), i + BATCH));
                        while (true) {
                            try {
                                List<WriteOutcome> outcomes = store.pods().saveAll(batch);
                                for (int k = 0; k < batch.size(); k++) {
                                    if (outcomes.get(k) == WriteOutcome.INSERTED) {
                                        inserted.computeIfAbsent(batch.get(k).podId(), x -> new AtomicInteger()).incrementAndGet();
                                    }
                                }
                                break;
                            } catch (TransientPersistException e) {
                                retried.incrementAndGet(); // as a controller's retry would; the batch rolled back
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(MetaStore::close);
        }
        assertThat(inserted).hasSize(PODS);
        assertThat(inserted.values()).allSatisfy(c -> assertThat(c.get()).as("INSERTED per identity").isEqualTo(1));
        Map<String, Long> first = null;
        for (GaleraNode n : cluster.nodes()) {
            Map<String, Long> rows = GaleraRows.podVersions(n, db, "mp-");
            assertThat(rows.size()).as("rows on %s", n.name()).isEqualTo(PODS);
            assertThat(rows.values().stream().filter(v -> v != VERSIONS).count()).as("rows below the highest version on %s",
                    n.name()).isZero();
            if (first != null) {
                assertThat(rows.equals(first)).as("same rows on %s as on n1", n.name()).isTrue();
            }
            first = rows;
        }
        long conflicts = conflicts(cluster) - conflictsBefore;
        LoggerFactory.getLogger(GaleraMultiPrimaryWritersTest.class).info("GALERA MULTI-PRIMARY: 3 writers (n1, n2, n3)"
                + " x {} pods x {} versions in batches of {}: {} certification conflicts/brute-force aborts on the"
                + " nodes, {} batches surfaced as transient after the provider's retries and were retried;"
                + " 1 INSERTED per identity, all {} rows at version {} on every node", PODS, VERSIONS, BATCH, conflicts,
                retried.get(), PODS, VERSIONS);
        SharedCluster.dropDatabase(db);
    }

    private static long conflicts(GaleraCluster cluster) throws Exception {
        long sum = 0;
        for (GaleraNode n : cluster.nodes()) {
            try (Connection c = cluster.connect(n); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                            + " ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')")) {
                while (rs.next()) {
                    sum += rs.getLong(2);
                }
            }
        }
        return sum;
    }
}
