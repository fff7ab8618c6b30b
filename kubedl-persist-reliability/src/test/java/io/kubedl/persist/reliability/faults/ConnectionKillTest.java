package io.kubedl.persist.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.reliability.StoreUnderTest;
import io.kubedl.persist.reliability.model.ClusterHistory;
import io.kubedl.persist.reliability.model.ClusterHistoryGenerator;
import io.kubedl.persist.reliability.model.EndStateReport;
import io.kubedl.persist.reliability.model.StoreSnapshot;
import io.kubedl.persist.reliability.model.WatchEvent;
import io.kubedl.persist.reliability.model.WriteBehindSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 8 item 2: while a generated stream flows through the write-behind decorator,
 * every 1,000 events the pool's connections are killed with {@code KILL CONNECTION}:
 * first those in the middle of a statement (a batch being written), then all of
 * them, idle ones included. Works on every server kind (only this test's database's
 * sessions are killed). The end state MUST equal the oracle.
 */
class ConnectionKillTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionKillTest.class);
    static final int EVENTS = 40_000;

    @Test
    void killedConnectionsDuringBatchesLoseNothing() throws Exception {
        ClusterHistory history = new ClusterHistoryGenerator(303, EVENTS, "kill", "k").generate();
        int midStatement = 0;
        int idleOrAll = 0;
        int rounds = 0;
        try (StoreUnderTest target = StoreUnderTest.mysql("reliability_kill");
                WriteBehindSink sink = new WriteBehindSink(target.store(), "kill", 2);
                ActiveQueryKiller killer = new ActiveQueryKiller(target.database())) {
            List<WatchEvent> stream = history.events();
            for (int i = 0; i < stream.size(); i++) {
                sink.accept(stream.get(i));
                if (i % 1_000 == 999) {
                    rounds++;
                    midStatement += killer.killRunning(200);
                    idleOrAll += target.database().killConnections();
                }
            }
            sink.flush();
            sink.drain();
            EndStateReport report = EndStateReport.compare(history.oracle(), StoreSnapshot.read(target.store(), "kill"));
            LOG.info("KILL {}: {} kill rounds, {} sessions killed mid-statement, {} more killed (idle or between"
                    + " statements); write-behind {}; given up {}; end state: {}", history, rounds, midStatement,
                    idleOrAll, sink.figures(), sink.failures().size(), report);
            assertThat(midStatement + idleOrAll).as("connections killed").isPositive();
            assertThat(sink.failures()).as("writes given up (each one lost)").isEmpty();
            assertThat(sink.closeReport().complete()).isTrue();
            assertThat(report.exact()).as(report.toString()).isTrue();
        }
    }
}
