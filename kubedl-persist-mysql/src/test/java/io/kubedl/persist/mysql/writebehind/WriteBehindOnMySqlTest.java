package io.kubedl.persist.mysql.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.mysql.FreshDatabaseExtension;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import io.kubedl.persist.writebehind.WriteFailure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-behind decorator over the real MySQL provider on a real server: a write
 * cut by a lost connection is retried on a new one, and nothing is lost when the
 * server kills the pool's connections or goes away and comes back.
 */
@ExtendWith(FreshDatabaseExtension.class)
class WriteBehindOnMySqlTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final TestDatabase db;
    private final CountDownLatch firstTransientFailure = new CountDownLatch(1);
    private final List<WriteFailure> failures = new CopyOnWriteArrayList<>();
    private MetaStore store;
    private WriteBehindStore writeBehind;

    WriteBehindOnMySqlTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() throws SQLException {
        store = MetaStorage.open(new MySqlProvider(), db.configBuilder().option(MySqlSettings.POOL_SIZE, "4")
                .option(MySqlSettings.SSL_MODE, "DISABLED").option(MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL, "true")
                .option(MySqlSettings.CONNECT_TIMEOUT_MS, "1000").build());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM replica_info");
            s.execute("DELETE FROM job_info");
        }
        WriteBehindOptions options = WriteBehindOptions.builder().name("mysql-it").maxBatchSize(50)
                .maxDelay(Duration.ofMillis(5)).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(500))
                .writerThreads(2).listener(failures::add).build();
        writeBehind = WriteBehindStore.wrap(counting(JobPersist.class, store.jobs()),
                counting(PodPersist.class, store.pods()), options);
    }

    @AfterEach
    void close() {
        try {
            CloseReport report = writeBehind.close(DEADLINE);
            assertThat(report.complete()).as("close report %s", report).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void aWriteCutByKillConnectionIsReplayedOnANewConnection() throws Exception {
        writeBehind.submit(job("x", 1, JobStatus.CREATED));
        writeBehind.flush();

        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            long holderId;
            try (Statement s = holder.createStatement()) {
                // the writer's saveAll of x will wait for this row lock: the write is then surely in flight
                s.executeQuery("SELECT id FROM job_info WHERE job_id = 'x' FOR UPDATE").close();
                try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                    rs.next();
                    holderId = rs.getLong(1);
                }
            }
            writeBehind.submit(job("x", 2, JobStatus.RUNNING));
            long writer = awaitBlockedWriter(holderId, -1);
            try (Connection admin = db.server().connect(); Statement s = admin.createStatement()) {
                s.execute("KILL CONNECTION " + writer);
            }
            // the provider runs the killed write once more on a fresh connection (issue 12 item 4): it blocks
            // on the same row lock, on another session, without the write-behind seeing a failure
            long replay = awaitBlockedWriter(holderId, writer);
            assertThat(replay).isNotEqualTo(writer);
            holder.rollback();
        }
        writeBehind.flush();

        assertThat(store.jobs().get(JobKey.of("x")).orElseThrow().version().value()).isEqualTo(version(2));
        assertThat(store.jobs().get(JobKey.of("x")).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(failures).isEmpty();
    }

    @Test
    void nothingIsLostWhenThePoolsConnectionsAreKilledDuringALoad() throws Exception {
        int jobs = 120;
        int podsPerJob = 4;
        int versions = 4;
        ExecutorService producer = Executors.newSingleThreadExecutor();
        try {
            Future<?> load = producer.submit(() -> produce(jobs, podsPerJob, versions, true));
            int kills = 0;
            while (!load.isDone() && kills < 20) {
                kills += db.killConnections() > 0 ? 1 : 0;
            }
            load.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            producer.shutdown();
        }
        db.killConnections();
        writeBehind.flush();

        assertFinalState(jobs, podsPerJob, versions);
        assertThat(failures).isEmpty();
    }

    @Test
    void nothingIsLostWhenTheServerStopsAndStartsAgain() throws Exception {
        assumeTrue(db.server().canRestart(), "only the embedded test server can be stopped and started");
        produce(20, 2, 2, false);
        writeBehind.flush();
        db.server().stop();
        try {
            produce(40, 3, 4, true);
            awaitFirstTransientFailure("a write to fail while the server is down");
        } finally {
            db.server().start();
        }
        assertThat(writeBehind.flush(DEADLINE)).as("flush after the restart").isTrue();

        assertFinalState(40, 3, 4);
        assertThat(failures).isEmpty();
    }

    private void produce(int jobs, int podsPerJob, int versions, boolean removeLastJobsPods) {
        for (int v = 1; v <= versions; v++) {
            for (int j = 0; j < jobs; j++) {
                writeBehind.submit(job("j" + j, v, v == versions ? JobStatus.SUCCEEDED : JobStatus.RUNNING));
                for (int p = 0; p < podsPerJob; p++) {
                    writeBehind.submit(pod("j" + j + "-p" + p, "j" + j, v,
                            v == versions ? PodStatus.SUCCEEDED : PodStatus.RUNNING));
                }
            }
        }
        // the last job's pods are removed: the removal must land after their saves
        for (int p = 0; removeLastJobsPods && p < podsPerJob; p++) {
            writeBehind.markRemoved(PodKey.of("j" + (jobs - 1) + "-p" + p), T0.plusSeconds(3600));
        }
    }

    private void assertFinalState(int jobs, int podsPerJob, int versions) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM job_info),"
                     + " (SELECT COUNT(*) FROM replica_info)")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(jobs);
            assertThat(rs.getInt(2)).isEqualTo(jobs * podsPerJob);
        }
        for (int j = 0; j < jobs; j++) {
            JobRecord row = store.jobs().get(JobKey.of("j" + j)).orElseThrow();
            assertThat(row.version().value()).as("job j%d", j).isEqualTo(version(versions));
            assertThat(row.status()).isEqualTo(JobStatus.SUCCEEDED);
            for (int p = 0; p < podsPerJob; p++) {
                PodRecord pod = store.pods().get(PodKey.of("j" + j + "-p" + p)).orElseThrow();
                assertThat(pod.version().value()).as("pod j%d-p%d", j, p).isEqualTo(version(versions));
                assertThat(pod.inEtcd()).as("pod j%d-p%d in etcd", j, p).isEqualTo(j != jobs - 1);
            }
        }
    }

    /**
     * @return the id of the pool connection that runs saveAll's locking read of
     *         job_info in this database: with the holder's row lock taken, that
     *         statement can only be waiting for it. Matching the statement text (not
     *         "any running query") never picks a pool connection that is starting up:
     *         killing one of those fails no write, and the test would wait in vain.
     *         (INNODB_TRX is no help: MariaDB lists a transaction that has only read
     *         there only once it writes, not while its locking read waits.)
     */
    /** @return the session, neither the holder's nor {@code killed}, whose saveAll waits for the holder's row lock */
    private long awaitBlockedWriter(long holderId, long killed) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (Connection admin = db.server().connect();
             PreparedStatement find = admin.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST"
                     + " WHERE DB = ? AND COMMAND = 'Query' AND ID <> ? AND ID <> ?"
                     + " AND INFO LIKE 'SELECT %FROM job_info %WHERE job_id IN (%) FOR UPDATE'")) {
            find.setString(1, db.name());
            find.setLong(2, holderId);
            find.setLong(3, killed);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the writer never blocked on the row lock");
    }

    private void awaitFirstTransientFailure(String what) throws InterruptedException {
        if (!firstTransientFailure.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Counts the transient failures the provider throws, passing every call and exception through. */
    private <T> T counting(Class<T> type, T delegate) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof PersistException pe && pe.isTransient()) {
                    firstTransientFailure.countDown();
                }
                throw e.getCause();
            }
        }));
    }

    private static String version(int v) {
        return Integer.toString(100 + v);
    }

    private static JobRecord job(String id, int v, JobStatus status) {
        return JobRecord.builder().jobId(id).name("job-" + id).namespace("ns").kind("TFJob").version(version(v))
                .status(status).gmtCreated(T0).gmtModified(T0.plusSeconds(v)).build();
    }

    private static PodRecord pod(String id, String jobId, int v, PodStatus status) {
        return PodRecord.builder().podId(id).jobId(jobId).name("job-" + id).namespace("ns").version(version(v))
                .status(status).gmtCreated(T0).gmtModified(T0.plusSeconds(v)).build();
    }
}
