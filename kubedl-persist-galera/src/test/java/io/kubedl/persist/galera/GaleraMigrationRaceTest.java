package io.kubedl.persist.galera;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubedl.persist.mysql.internal.SchemaMigrator;
import io.kubedl.persist.spi.MetaStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Two controllers start at once on a fresh database, one through n1 and one through
 * n2 (each with its own pool, as two processes would): {@code GET_LOCK} is node-local,
 * so before the lease row both ran every script and one of them could fail. 20 trials:
 * both open, every script is applied exactly once, every version ends {@code applied}.
 */
class GaleraMigrationRaceTest {
    private static final int TRIALS = 20;

    @Test
    void twoProcessesThroughTwoNodesBothOpenAndEachScriptIsAppliedOnce() throws Exception {
        GaleraCluster cluster = SharedCluster.get();
        int expected = new SchemaMigrator("any").expectedVersion();
        List<String> scripts = java.util.stream.IntStream.rangeClosed(1, expected).mapToObj(v -> "V" + v).toList();
        String appliedRows = String.join(",", java.util.stream.IntStream.rangeClosed(1, expected)
                .mapToObj(v -> v + ":applied").toList());
        Logger migrator = (Logger) LoggerFactory.getLogger(SchemaMigrator.class);
        ListAppender<ILoggingEvent> applied = new ListAppender<>();
        applied.start();
        migrator.addAppender(applied);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                String db = SharedCluster.createDatabase("race");
                applied.list.clear();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<MetaStore>> opens = new ArrayList<>();
                for (int node = 1; node <= 2; node++) {
                    GaleraNode n = cluster.node(node);
                    opens.add(pool.submit(() -> {
                        go.await();
                        return SharedCluster.open(db, n, b -> b);
                    }));
                }
                go.countDown();
                for (Future<MetaStore> open : opens) {
                    open.get(5, TimeUnit.MINUTES).close(); // an exception here is a failed open
                }
                List<String> lines = applied.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.contains("database " + db + ": applied schema migration")).toList();
                assertThat(lines).as("trial %d: scripts applied", trial).hasSize(scripts.size());
                assertThat(lines.stream().map(m -> m.replaceAll(".*migration (V\\d+).*", "$1")).distinct().toList())
                        .isEqualTo(scripts);
                for (GaleraNode n : cluster.nodes()) {
                    try (Connection c = DriverManager.getConnection(n.jdbcUrl(db), "root", "");
                            Statement s = c.createStatement()) {
                        s.execute("SET SESSION wsrep_sync_wait = 1"); // the node has applied what n1 and n2 committed
                        ResultSet rs = s.executeQuery("SELECT GROUP_CONCAT(version, ':', state ORDER BY version)"
                                + " FROM kubedl_schema_version");
                        rs.next();
                        assertThat(rs.getString(1)).as("trial %d on %s", trial, n.name())
                                .isEqualTo(appliedRows);
                    }
                }
                SharedCluster.dropDatabase(db);
            }
        } finally {
            pool.shutdownNow();
            migrator.detachAppender(applied);
        }
        LoggerFactory.getLogger(GaleraMigrationRaceTest.class).info(
                "GALERA MIGRATION RACE: {} trials, two processes through n1 and n2, both opened each time,"
                        + " every script applied once", TRIALS);
    }
}
