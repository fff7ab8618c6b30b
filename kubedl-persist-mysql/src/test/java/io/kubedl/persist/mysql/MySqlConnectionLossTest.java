package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.T0;
import static io.kubedl.persist.mysql.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** A killed pooled connection surfaces as a transient error at most once, and the store recovers. */
@ExtendWith(FreshDatabaseExtension.class)
class MySqlConnectionLossTest {
    private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    @Test
    void killedConnectionsAreTransientAndTheNextCallSucceeds(TestDatabase db) {
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, "2"))) {
            store.jobs().save(job("a", "1", JobStatus.CREATED));
            assertThat(db.killConnections()).isPositive();
            int transientFailures = 0;
            WriteOutcome outcome = null;
            Instant deadline = Instant.now().plusSeconds(30);
            int version = 2;
            while (outcome == null && Instant.now().isBefore(deadline)) {
                try {
                    outcome = store.jobs().save(job("a", Integer.toString(version++), JobStatus.RUNNING));
                } catch (TransientPersistException e) {
                    transientFailures++;
                    assertThat(e).hasMessageContaining("save job default/job-a").hasMessageContaining(db.name());
                }
            }
            assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
            assertThat(transientFailures).as("each killed pooled connection fails at most one call").isLessThanOrEqualTo(2);
            assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    /**
     * Issue 12 item 4: with every pooled connection killed (KILL, a restart, a failover),
     * none of the next 20 calls may fail: the first call that finds its connection dead runs
     * again on a fresh one and evicts the other idle connections. Before, 6 to 9 calls
     * failed, one per dead connection.
     */
    @Test
    void noneOfTheTwentyCallsAfterEveryPooledConnectionIsKilledFails(TestDatabase db) throws Exception {
        // HikariCP checks a connection on checkout only when it was idle for more than 500 ms; a busy
        // controller's connections never are, so they reach callers unchecked. A long window makes every
        // checkout of this test behave like that, whatever the timing of a loaded machine.
        System.setProperty(ALIVE_BYPASS_WINDOW, "600000");
        MetaStore opened;
        try {
            opened = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, "8"));
        } finally {
            System.clearProperty(ALIVE_BYPASS_WINDOW);
        }
        try (MetaStore store = opened) {
            // on a loaded machine one round of racing calls may be served by two or three connections:
            // race again until the pool holds at least four, so "every pooled connection" means several
            for (int round = 0; round < 40 && sessions(db) < 4; round++) {
                fillThePool(store, 8);
            }
            int killed = db.killConnections();
            assertThat(killed).as("pooled connections killed").isGreaterThanOrEqualTo(4);
            int failed = 0;
            for (int call = 0; call < 20; call++) {
                try {
                    switch (call % 4) {
                        case 0 -> store.jobs().save(job("k" + call, "1", JobStatus.RUNNING));
                        case 1 -> store.jobs().get(JobKey.of("k" + (call - 1)));
                        case 2 -> store.jobs().list(io.kubedl.persist.query.JobQuery.builder().build());
                        default -> store.jobs().markRemoved(JobKey.of("k" + (call - 3)), T0.plusSeconds(60));
                    }
                } catch (TransientPersistException e) {
                    failed++;
                }
            }
            LoggerFactory.getLogger(MySqlConnectionLossTest.class).info(
                    "KILL-RETRY: {} pooled connections killed; {} of the next 20 calls failed", killed, failed);
            assertThat(failed).as("calls failed of the 20 after %d pooled connections were killed", killed).isZero();
        }
    }

    /** Runs enough overlapping calls that the pool holds (about) its maximum of connections. */
    private static int sessions(TestDatabase db) throws Exception {
        try (java.sql.Connection admin = db.server().connect();
                java.sql.PreparedStatement ps = admin.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ?")) {
            ps.setString(1, db.name());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void fillThePool(MetaStore store, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<?>> calls = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String uid = "fill-" + round + "-" + t;
                    calls.add(pool.submit(() -> {
                        start.await();
                        return store.jobs().saveAll(List.of(job(uid, "1", JobStatus.RUNNING), job(uid + "b", "1", JobStatus.RUNNING)));
                    }));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
