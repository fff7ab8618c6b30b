package io.kubedl.persist.galera;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import io.kubedl.persist.writebehind.WriteFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The failover configuration of docs/high-availability.md ({@code hosts} listing the
 * three nodes, {@code failOverReadOnly=false}) under a write-behind stream of 30,000
 * pod events; the node it writes through is killed with {@code kill -9} a third of the
 * way in and restarted at two thirds. Nothing may be lost or regress: the write-behind
 * retries transient failures without limit, the provider turns every failover error
 * into a transient one, and the pool evicts connections to the dead node. A probe
 * saving synchronously every 20 ms through the same configuration measures the stall.
 */
class GaleraNodeKillTest {
    private static final int PODS = 3000;
    private static final int VERSIONS = 10;

    @Test
    void aNodeKilledMidStreamAndRestartedLosesNothingAndRegressesNothing() throws Exception {
        GaleraCluster cluster = SharedCluster.get();
        String db = SharedCluster.createDatabase("kill");
        String hosts = String.join(",", cluster.nodes().stream().map(n -> "127.0.0.1:" + n.clientPort()).toList());
        StorageConfig.Builder failover = SharedCluster.config(db, cluster.node(1)).host(null).port(3306)
                .option(MySqlSettings.HOSTS, hosts).option(MySqlSettings.CONNECT_TIMEOUT_MS, "2000")
                .option(MySqlSettings.SOCKET_TIMEOUT_MS, "30000");
        List<WriteFailure> failures = new CopyOnWriteArrayList<>();
        Probe probe;
        String rejoin;
        long killedAt;
        try (MetaStore store = SharedCluster.open(failover); MetaStore probeStore = SharedCluster.open(failover)) {
            WriteBehindStore wb = WriteBehindStore.wrap(store, WriteBehindOptions.builder().name("galera-kill")
                    .maxBatchSize(500).maxDelay(Duration.ofMillis(20)).initialBackoff(Duration.ofMillis(50))
                    .maxBackoff(Duration.ofSeconds(1)).closeTimeout(Duration.ofMinutes(3)).listener(failures::add).build());
            probe = new Probe(probeStore);
            probe.start();
            CompletableFuture<String> restarted = null;
            long submitted = 0;
            killedAt = 0;
            for (int v = 1; v <= VERSIONS; v++) {
                for (int p = 0; p < PODS; p++) {
                    wb.submit(GaleraRows.pod(String.format("kill-%05d", p), v));
                    submitted++;
                    if (submitted == PODS * VERSIONS / 3) {
                        cluster.kill(1);
                        killedAt = System.nanoTime();
                    }
                    if (submitted == 2L * PODS * VERSIONS / 3) {
                        restarted = CompletableFuture.supplyAsync(() -> {
                            try {
                                return cluster.restart(1);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                }
                GaleraCluster.sleep(100); // a stream, not one burst: the kill lands while batches are in flight
            }
            CloseReport report = wb.close(Duration.ofMinutes(3));
            assertThat(report.complete()).as("write-behind drained: %s", report).isTrue();
            rejoin = restarted.get(4, TimeUnit.MINUTES);
            probe.stop();
        }
        assertThat(failures).as("writes the write-behind gave up").isEmpty();
        int lost = 0;
        int regressed = 0;
        for (GaleraNode n : cluster.nodes()) {
            Map<String, Long> rows = GaleraRows.podVersions(n, db, "kill-");
            lost += PODS - rows.size();
            regressed += (int) rows.values().stream().filter(v -> v != VERSIONS).count();
        }
        assertThat(lost).as("identities missing, summed over the three nodes").isZero();
        assertThat(regressed).as("identities below their newest version, summed over the three nodes").isZero();
        LoggerFactory.getLogger(GaleraNodeKillTest.class).info("GALERA KILL: {} events ({} pods x {} versions) through"
                + " hosts={} (n1 first); n1 killed -9 at 1/3, restarted at 2/3 ({}); lost {}, regressed {}, given up {};"
                + " synchronous probe: {} saves, {} failed, longest stall {} ms (at {} ms after the kill)", PODS * VERSIONS,
                PODS, VERSIONS, hosts, rejoin, lost, regressed, failures.size(), probe.saves.get(), probe.failed.get(),
                probe.longestGapMs.get(), (probe.longestGapEndNanos.get() - killedAt) / 1_000_000);
        SharedCluster.dropDatabase(db);
    }

    /** Saves one pod synchronously every 20 ms and records the longest time between two successes. */
    private static final class Probe {
        final AtomicInteger saves = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong longestGapMs = new AtomicLong();
        final AtomicLong longestGapEndNanos = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final MetaStore store;
        private Thread thread;

        Probe(MetaStore store) {
            this.store = store;
        }

        void start() {
            thread = new Thread(() -> {
                long last = System.nanoTime();
                long version = 1;
                while (running.get()) {
                    try {
                        store.pods().save(GaleraRows.pod("probe", version++));
                        long now = System.nanoTime();
                        long gap = (now - last) / 1_000_000;
                        if (gap > longestGapMs.get()) {
                            longestGapMs.set(gap);
                            longestGapEndNanos.set(now);
                        }
                        last = now;
                        saves.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    GaleraCluster.sleep(20);
                }
            }, "galera-stall-probe");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(60_000);
        }
    }
}
