package io.kubedl.persist.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.ResourceVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A smoke test of the benchmark's inputs; the benchmark itself never runs during a build. */
class EventStreamGeneratorTest {
    private final EventStream stream = new EventStreamGenerator(42).generate(200);

    @Test
    void theSameSeedGivesTheSameStream() {
        assertThat(new EventStreamGenerator(42).generate(200).events()).isEqualTo(stream.events());
        assertThat(new EventStreamGenerator(43).generate(200).events()).isNotEqualTo(stream.events());
    }

    @Test
    void everyJobHasTwoToThirtyTwoPodsAndEveryObjectIsRemovedInTheEnd() {
        assertThat(stream.finalJobs()).hasSize(200);
        Map<String, Long> podsPerJob = stream.finalPods().values().stream()
                .collect(Collectors.groupingBy(PodRecord::jobId, Collectors.counting()));
        assertThat(podsPerJob.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 32L));
        assertThat(stream.finalJobs().values()).allSatisfy(j -> assertThat(j.inEtcd()).isFalse());
        assertThat(stream.finalPods().values()).allSatisfy(p -> assertThat(p.inEtcd()).isFalse());
        assertThat(stream.removals()).isEqualTo(stream.finalRows());
    }

    @Test
    void objectsSeeAboutSixStatesAndFivePercentAreRedelivered() {
        long saves = stream.events().size() - stream.removals();
        double perObject = (double) (saves - stream.duplicates()) / stream.finalRows();
        assertThat(perObject).isBetween(4.5, 6.0);
        assertThat((double) stream.duplicates() / saves).isBetween(0.03, 0.07);
    }

    @Test
    void redeliveriesIncludeOlderVersionsAfterNewerOnes() {
        Map<Object, ResourceVersion> newest = new HashMap<>();
        int older = 0;
        for (ClusterEvent event : stream.events()) {
            Object key = null;
            ResourceVersion version = null;
            if (event instanceof ClusterEvent.JobSaved saved) {
                key = saved.job().key();
                version = saved.job().version();
            } else if (event instanceof ClusterEvent.PodSaved saved) {
                key = saved.pod().key();
                version = saved.pod().version();
            }
            if (key != null) {
                ResourceVersion previous = newest.get(key);
                if (previous != null && version.isOlderThan(previous)) {
                    older++;
                } else {
                    newest.put(key, version);
                }
            }
        }
        assertThat(older).isGreaterThan(stream.duplicates() / 10);
    }

    @Test
    void flagsAreParsedAndUnknownOnesRefused() {
        BenchmarkMain.Settings s = BenchmarkMain.Settings.parse(new String[] {"--jobs", "20", "--query-rows",
                "10000,20000", "--skip-writes"});
        assertThat(s.jobs()).isEqualTo(20);
        assertThat(s.queryRows()).containsExactly(10_000, 20_000);
        assertThat(s.writes()).isFalse();
        assertThat(s.queries()).isTrue();
        assertThatThrownBy(() -> BenchmarkMain.Settings.parse(new String[] {"--nope", "1"}))
                .hasMessageContaining("unknown flag(s) [nope]");
        assertThat(List.of(RowMapping.JOBS.table(), RowMapping.PODS.table())).doesNotHaveDuplicates();
    }
}
