package io.kubedl.persist.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.reliability.faults.FaultInjectingProxy.Point;
import io.kubedl.persist.reliability.model.ClusterHistory;
import io.kubedl.persist.reliability.model.ClusterHistoryGenerator;
import io.kubedl.persist.reliability.model.EndStateReport;
import io.kubedl.persist.reliability.model.StoreSnapshot;
import io.kubedl.persist.reliability.model.WatchEvent;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 8 item 3, after Quartz's flaky-JDBC test: the MySQL provider talks to the real
 * server through {@link FaultInjectingProxy}, which breaks the conversation at connect,
 * before commit (the write never reaches the server) and after commit (the server
 * committed, the client saw an error). A cut of an established connection no longer
 * reaches the caller (issue 12 item 4): the provider runs the call once more on a fresh
 * connection, and each single case checks, directly on the server, that the write is
 * there exactly once: the replay after a cut before commit applies the write
 * (INSERTED, UPDATED), the replay after an ambiguous commit finds it done (UNCHANGED),
 * because the resourceVersion guards every write. A failed connect still fails the call
 * (transient), and the caller's replay inserts. A stream of events with a fault every
 * 20 events then ends exactly at the oracle's final state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailurePointTest {
    private static final Logger LOG = LoggerFactory.getLogger(FailurePointTest.class);
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    /** The COM_QUERY byte then the text Connector/J sends for Connection.commit(). */
    private static final String COMMIT = "\u0003commit";

    private TestDatabase database;
    private FaultInjectingProxy proxy;
    private MetaStore store;
    private int next;

    @BeforeAll
    void open() throws Exception {
        database = TestServers.shared().createDatabase("reliability_faults");
        proxy = new FaultInjectingProxy(database.host(), database.port());
        // through the proxy: no TLS, so it can read the statements; a short connect timeout keeps CONNECT faults short
        store = MetaStorage.open(database.configBuilder().host(proxy.host()).port(proxy.port())
                .option("sslMode", "DISABLED").option("connectTimeoutMs", "500").option("poolSize", "2").build());
    }

    @AfterAll
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void failureAtConnectWritesNothingAndTheReplayInserts() throws Exception {
        JobRecord job = job(1);
        failsTransiently(Point.CONNECT, null, () -> store.jobs().save(job));
        assertThat(stored(job)).as("rows after a failed connect").isEqualTo(new Stored(0, null, null));
        // the pool may still hold other connections the fault cut; a caller retries transient failures
        assertThat(replay(() -> store.jobs().save(job))).isEqualTo(WriteOutcome.INSERTED);
        assertThat(stored(job)).isEqualTo(new Stored(1, "1", true));
    }

    @Test
    void openFailsClearlyWhileConnectsAreRefusedAndWorksOnceHealed() throws Exception {
        try (FaultInjectingProxy refusing = new FaultInjectingProxy(database.host(), database.port())) {
            refusing.arm(Point.CONNECT, null);
            var config = database.configBuilder().host(refusing.host()).port(refusing.port()).option("sslMode", "DISABLED")
                    .option("connectTimeoutMs", "500").build();
            Throwable failure = catchThrowable(() -> MetaStorage.open(config).close());
            LOG.info("FAILURE POINTS open while connects are refused: {}", failure.toString());
            assertTransient(failure);
            assertThat(failure).hasMessageContaining("host " + refusing.host()).hasMessageContaining("port " + refusing.port())
                    .hasMessageContaining("database " + database.name());
            refusing.heal();
            try (MetaStore healed = MetaStorage.open(config)) {
                assertThat(healed.jobs().get(job(1).key())).isEmpty();
            }
        }
    }

    @Test
    void failureBeforeCommitIsReplayedOnAFreshConnectionAndUpdates() throws Exception {
        JobRecord v1 = job(1);
        assertThat(store.jobs().save(v1)).isEqualTo(WriteOutcome.INSERTED);
        JobRecord v2 = v1.toBuilder().version("2").status(JobStatus.RUNNING).gmtModified(T0.plusSeconds(2)).build();
        assertThat(survivesOneFault(Point.BEFORE_COMMIT, v2.jobId(), () -> store.jobs().save(v2)))
                .as("the provider's replay after the cut").isEqualTo(WriteOutcome.UPDATED);
        assertThat(stored(v2)).isEqualTo(new Stored(1, "2", true));
        assertThat(store.jobs().get(v2.key())).contains(v2);
    }

    @Test
    void ambiguousCommitOfASaveIsReplayedAsUnchangedAndNothingDoubles() throws Exception {
        JobRecord v1 = job(1);
        assertThat(store.jobs().save(v1)).isEqualTo(WriteOutcome.INSERTED);
        JobRecord v3 = v1.toBuilder().version("3").status(JobStatus.SUCCEEDED).gmtModified(T0.plusSeconds(3))
                .gmtFinished(T0.plusSeconds(3)).build();
        assertThat(survivesOneFault(Point.AFTER_COMMIT, v3.jobId(), () -> store.jobs().save(v3)))
                .as("the provider's replay finds the committed write").isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(stored(v3)).isEqualTo(new Stored(1, "3", true));
        assertThat(store.jobs().get(v3.key())).contains(v3);
    }

    @Test
    void batchCutBeforeCommitIsRolledBackWholeAndReplayedOnAFreshConnection() throws Exception {
        List<JobRecord> batch = batchOf50(7);
        assertThat(survivesOneFault(Point.BEFORE_COMMIT, COMMIT, () -> store.jobs().saveAll(batch)))
                .as("the provider's replay of the rolled-back batch").containsOnly(WriteOutcome.INSERTED).hasSize(50);
        for (JobRecord job : batch) {
            assertThat(stored(job)).isEqualTo(new Stored(1, "7", true));
        }
    }

    @Test
    void ambiguousCommitOfABatchIsReplayedAsUnchanged() throws Exception {
        List<JobRecord> batch = batchOf50(9);
        assertThat(survivesOneFault(Point.AFTER_COMMIT, COMMIT, () -> store.jobs().saveAll(batch)))
                .as("the provider's replay finds the committed batch").containsOnly(WriteOutcome.UNCHANGED).hasSize(50);
        for (JobRecord job : batch) {
            assertThat(stored(job)).isEqualTo(new Stored(1, "9", true));
        }
    }

    @Test
    void ambiguousCommitOfARemovalIsReplayedAsUnchanged() throws Exception {
        JobRecord job = job(4);
        assertThat(store.jobs().save(job)).isEqualTo(WriteOutcome.INSERTED);
        Instant at = T0.plusSeconds(60);
        // markRemoved is one autocommit UPDATE naming the UID
        assertThat(survivesOneFault(Point.AFTER_COMMIT, job.jobId(), () -> store.jobs().markRemoved(job.key(), at)))
                .as("the provider's replay finds the row removed").isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(stored(job)).isEqualTo(new Stored(1, "4", false));
        assertThat(store.jobs().get(job.key()).orElseThrow().gmtFinished()).as("the removal's time").isEqualTo(at);
    }

    @Test
    void streamWithAFaultEveryTwentyEventsEndsAtTheOracle() throws Exception {
        ClusterHistory history = new ClusterHistoryGenerator(404, 2_000, "flaky", "f").generate();
        Map<Point, Integer> armed = new EnumMap<>(Point.class);
        int failures = 0;
        int replaysUnchanged = 0;
        int firedBefore = proxy.fired();
        List<WatchEvent> events = history.events();
        for (int i = 0; i < events.size(); i++) {
            WatchEvent event = events.get(i);
            Point point = null;
            if (i % 1000 == 0) {
                point = Point.CONNECT;
                proxy.arm(point, null);
            } else if (i % 20 == 0) {
                point = (i / 20) % 2 == 0 ? Point.BEFORE_COMMIT : Point.AFTER_COMMIT;
                // the identity's UID is in the write's SQL text; removals also end in a COMMIT
                proxy.arm(point, (i / 40) % 2 == 0 ? uid(event) : COMMIT);
            }
            if (point != null) {
                armed.merge(point, 1, Integer::sum);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    WriteOutcome outcome = apply(event);
                    if (attempt > 1 && outcome == WriteOutcome.UNCHANGED) {
                        replaysUnchanged++;
                    }
                    break;
                } catch (PersistException e) {
                    assertThat(e.isTransient()).as("a broken connection is transient: " + e).isTrue();
                    assertThat(attempt).as("attempts for one event").isLessThan(5);
                    failures++;
                    proxy.heal();
                }
            }
            proxy.heal();
        }
        EndStateReport report = EndStateReport.compare(history.oracle(), StoreSnapshot.read(store, "flaky"));
        LOG.info("FAILURE POINTS {}: faults armed {}, fired {}, calls that failed {}, replays after an ambiguous commit"
                + " that found the write done (UNCHANGED) {}; end state: {}", history, armed,
                proxy.fired() - firedBefore, failures, replaysUnchanged, report);
        assertThat(failures).isPositive();
        assertThat(report.exact()).as(report.toString()).isTrue();
    }

    private WriteOutcome apply(WatchEvent event) {
        if (event instanceof WatchEvent.JobSaved e) {
            return store.jobs().save(e.job());
        } else if (event instanceof WatchEvent.PodSaved e) {
            return store.pods().save(e.pod());
        } else if (event instanceof WatchEvent.JobRemoved e) {
            return store.jobs().markRemoved(e.key(), e.at());
        }
        WatchEvent.PodRemoved e = (WatchEvent.PodRemoved) event;
        return store.pods().markRemoved(e.key(), e.at());
    }

    private static String uid(WatchEvent event) {
        if (event instanceof WatchEvent.JobSaved e) {
            return e.job().jobId();
        } else if (event instanceof WatchEvent.PodSaved e) {
            return e.pod().podId();
        } else if (event instanceof WatchEvent.JobRemoved e) {
            return e.key().jobId();
        }
        return ((WatchEvent.PodRemoved) event).key().podId();
    }

    /** What a caller does after a transient failure: the same call again, a few times at most. */
    private static <T> T replay(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (PersistException e) {
                if (!e.isTransient() || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private static void assertTransient(Throwable failure) {
        assertThat(failure).as("the client saw the broken connection").isInstanceOf(PersistException.class);
        assertThat(((PersistException) failure).isTransient()).as("transient: " + failure).isTrue();
    }

    /** Arms the fault, makes the call and heals; the client MUST have seen a transient failure. */
    private void failsTransiently(Point point, String match, ThrowingCallable call) {
        proxy.arm(point, match);
        Throwable failure = catchThrowable(call);
        proxy.heal();
        assertTransient(failure);
    }

    /**
     * Arms the fault, makes the call and heals: the fault MUST have fired, and the call
     * MUST have succeeded anyway (the provider replayed it once on a fresh connection).
     */
    private <T> T survivesOneFault(Point point, String match, Supplier<T> call) {
        int firedBefore = proxy.fired();
        proxy.arm(point, match);
        try {
            return call.get();
        } finally {
            proxy.heal();
            assertThat(proxy.fired()).as("the fault fired").isGreaterThan(firedBefore);
        }
    }

    /** @return 50 new jobs at this version */
    private List<JobRecord> batchOf50(int version) {
        List<JobRecord> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(job(version));
        }
        return batch;
    }

    private JobRecord job(int version) {
        String id = "fault-job-" + (++next);
        return JobRecord.builder().region("faults").jobId(id).name(id).namespace("default").kind("TFJob")
                .version(Integer.toString(version)).status(JobStatus.CREATED).gmtCreated(T0).gmtModified(T0).build();
    }

    /** What the server holds for one job, read directly, not through the provider. */
    private record Stored(int rows, String version, Boolean inEtcd) {
    }

    private Stored stored(JobRecord job) throws SQLException {
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(version), MAX(is_in_etcd) FROM job_info"
                        + " WHERE job_id = ? AND deploy_region = ?")) {
            ps.setString(1, job.jobId());
            ps.setString(2, job.region());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int rows = rs.getInt(1);
                return rows == 0 ? new Stored(0, null, null) : new Stored(rows, rs.getString(2), rs.getInt(3) == 1);
            }
        }
    }
}
