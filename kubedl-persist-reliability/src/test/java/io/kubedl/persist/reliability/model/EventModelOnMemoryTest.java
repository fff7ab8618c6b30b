package io.kubedl.persist.reliability.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.reliability.StoreUnderTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves the event model, its oracle and the end-state comparison on the in-memory
 * provider, before they judge a real server: the oracle agrees with a store that
 * applies every event, and the comparison catches a sink that loses or reorders.
 */
class EventModelOnMemoryTest {
    private static final Logger LOG = LoggerFactory.getLogger(EventModelOnMemoryTest.class);

    @Test
    void generatedHistoryIsRealisticAndDeterministic() {
        ClusterHistory history = new ClusterHistoryGenerator(7, 20_000, "r1", "m").generate();
        LOG.info("generated {}", history);
        assertThat(history.events()).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(history.duplicates()).isPositive();
        assertThat(history.reordered()).isPositive();
        assertThat(history.removals()).isPositive();
        assertThat(history.lateStale()).isPositive();
        assertThat(new ClusterHistoryGenerator(7, 20_000, "r1", "m").generate().events()).isEqualTo(history.events());
        // the resourceVersion counter crosses 999999 -> 1000000, so "longer is newer" is exercised
        Set<Integer> lengths = new HashSet<>();
        for (WatchEvent e : history.events()) {
            if (e instanceof WatchEvent.JobSaved s) {
                lengths.add(s.job().version().value().length());
            }
        }
        assertThat(lengths).contains(6, 7);
    }

    @Test
    void storeThatAppliesEveryEventEndsExactlyAsTheOracleSays() {
        ClusterHistory history = new ClusterHistoryGenerator(11, 20_000, "r1", "m").generate();
        FinalStateOracle oracle = history.oracle();
        try (StoreUnderTest target = StoreUnderTest.memory(); SynchronousSink sink = new SynchronousSink(target.store())) {
            history.events().forEach(sink::accept);
            EndStateReport report = EndStateReport.compare(oracle, StoreSnapshot.read(target.store(), "r1"));
            LOG.info("memory provider, synchronous saves, {}: {}", history, report);
            assertThat(report.exact()).as(report.toString()).isTrue();
            assertThat(report.expectedRows()).isEqualTo(history.jobs() + history.pods());
            assertThat(oracle.removedCount()).isEqualTo(history.removals());
        }
    }

    @Test
    void writeBehindIntoMemoryEndsExactlyAsTheOracleSays() {
        ClusterHistory history = new ClusterHistoryGenerator(12, 20_000, "r2", "w").generate();
        try (StoreUnderTest target = StoreUnderTest.memory();
                WriteBehindSink sink = new WriteBehindSink(target.store(), "model-check", 2)) {
            history.events().forEach(sink::accept);
            sink.flush();
            sink.drain();
            EndStateReport report = EndStateReport.compare(history.oracle(), StoreSnapshot.read(target.store(), "r2"));
            LOG.info("memory provider through write-behind, {}: {}; {}", history, sink.figures(), report);
            assertThat(sink.failures()).isEmpty();
            assertThat(report.exact()).as(report.toString()).isTrue();
        }
    }

    @Test
    void comparisonCatchesLostRegressedAndMismatchedRows() {
        ClusterHistory history = new ClusterHistoryGenerator(13, 5_000, "r1", "m").generate();
        FinalStateOracle oracle = history.oracle();
        try (StoreUnderTest target = StoreUnderTest.memory(); SynchronousSink sink = new SynchronousSink(target.store())) {
            List<WatchEvent> events = history.events();
            // a broken sink: drops the last quarter of the saves and every removal
            int cut = (int) (events.size() * 0.6);
            events.subList(0, cut).forEach(sink::accept);
            JobRecord extra = JobRecord.builder().region("r1").jobId("not-in-the-stream").name("x").namespace("x")
                    .kind("TFJob").version("1").gmtCreated(java.time.Instant.EPOCH).build();
            assertThat(target.store().jobs().save(extra)).isEqualTo(WriteOutcome.INSERTED);
            EndStateReport report = EndStateReport.compare(oracle, StoreSnapshot.read(target.store(), "r1"));
            LOG.info("deliberately broken sink: {}", report);
            assertThat(report.exact()).isFalse();
            assertThat(report.lost()).isPositive();
            assertThat(report.regressed()).isPositive();
            assertThat(report.mismatched()).as("removed in the oracle, still in etcd in the store").isPositive();
            assertThat(report.unexpected()).isEqualTo(1);
        }
    }
}
