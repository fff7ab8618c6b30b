package io.kubedl.persist.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resync (an informer or a restarted controller delivering every live object again,
 * with the version already written) costs the store nothing when the store remembers
 * what it wrote; the memory is bounded by rememberWritten (issue 18.3).
 */
class WriteBehindResyncTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RecordingMetaStore delegate = new RecordingMetaStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<WriteFailure> failures = new CopyOnWriteArrayList<>();
    private final List<WriteBehindStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(s -> s.close(Duration.ofSeconds(5)));
    }

    private WriteBehindStore open(int rememberWritten) {
        WriteBehindStore store = WriteBehindStore.wrap(delegate, WriteBehindOptions.builder().name("resync")
                .maxDelay(WriteBehindOptions.MAX_DELAY).rememberWritten(rememberWritten).listener(failures::add)
                .meterRegistry(meters).build());
        opened.add(store);
        return store;
    }

    private static JobRecord job(String id, String version) {
        return JobRecord.builder().jobId(id).name("job-" + id).namespace("ns").kind("TFJob").version(version)
                .status(JobStatus.RUNNING).gmtCreated(T0).build();
    }

    private static PodRecord pod(String id, String version) {
        return PodRecord.builder().podId(id).jobId("j").name("j-worker-" + id).namespace("ns").version(version)
                .status(PodStatus.RUNNING).gmtCreated(T0).build();
    }

    private double stale() {
        return meters.get(MicrometerWriteBehindMetrics.PREFIX + "stale").counter().count();
    }

    @Test
    void aResyncOfWrittenVersionsMakesNoCall() {
        WriteBehindStore store = open(100);
        store.submit(job("a", "1"));
        store.submit(job("b", "7"));
        store.submit(pod("p", "3"));
        store.flush();

        store.submit(job("a", "1"));
        store.submit(job("b", "7"));
        store.submit(job("b", "6"));
        store.submit(pod("p", "3"));
        store.flush();

        assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a, b]");
        assertThat(delegate.podTable.calls()).containsExactly("saveAll[p]");
        assertThat(stale()).as("dropped in memory, counted stale").isEqualTo(4);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aNewerVersionAfterTheResyncIsWritten() {
        WriteBehindStore store = open(100);
        store.submit(job("a", "1"));
        store.flush();
        store.submit(job("a", "1"));
        store.submit(job("a", "2"));
        store.flush();

        assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]", "saveAll[a]");
        assertThat(delegate.jobTable.get(JobKey.of("a")).orElseThrow().version().value()).isEqualTo("2");
    }

    @Test
    void afterAWrittenRemovalLaterSavesAndRemovalsMakeNoCall() {
        WriteBehindStore store = open(100);
        store.submit(job("a", "1"));
        store.flush();
        store.markRemoved(JobKey.of("a"), T0.plusSeconds(60));
        store.flush();

        store.submit(job("a", "9"));
        store.markRemoved(JobKey.of("a"), T0.plusSeconds(90));
        store.flush();

        assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]", "markRemoved[a]");
        JobRecord row = delegate.jobTable.get(JobKey.of("a")).orElseThrow();
        assertThat(row.inEtcd()).isFalse();
        assertThat(row.gmtFinished()).as("the first removal's time (D1)").isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aFoldedRemovalIsRememberedToo() {
        WriteBehindStore store = open(100);
        store.submit(pod("p", "1"));
        store.markRemoved(PodKey.of("p"), T0.plusSeconds(60));
        store.flush();
        store.submit(pod("p", "2"));
        store.flush();

        assertThat(delegate.podTable.calls()).containsExactly("saveAll[p]");
        assertThat(delegate.podTable.get(PodKey.of("p")).orElseThrow().version().value()).isEqualTo("1");
    }

    @Test
    void rememberingNothingSendsTheResyncToTheStore() {
        WriteBehindStore store = open(0);
        store.submit(job("a", "1"));
        store.flush();
        store.submit(job("a", "1"));
        store.flush();

        assertThat(delegate.jobTable.calls()).containsExactly("saveAll[a]", "saveAll[a]");
        assertThat(stale()).as("the store answered UNCHANGED").isZero();
    }

    @Test
    void theLeastRecentlyWrittenIdentityIsForgottenFirst() {
        WriteBehindStore store = open(2);
        store.submit(job("a", "1"));
        store.flush();
        store.submit(job("b", "1"));
        store.flush();
        store.submit(job("c", "1"));
        store.flush();

        store.submit(job("a", "1"));
        store.submit(job("b", "1"));
        store.submit(job("c", "1"));
        store.flush();

        assertThat(delegate.jobTable.calls()).as("a was forgotten, b and c are remembered")
                .containsExactly("saveAll[a]", "saveAll[b]", "saveAll[c]", "saveAll[a]");
    }

    @Test
    void aSaveGivenUpIsNotRemembered() {
        WriteBehindStore store = open(100);
        delegate.jobTable.failNextWrites(1, () -> new InvalidRecordException("name", "refused by the test"));
        store.submit(job("a", "1"));
        store.flush();
        assertThat(failures).hasSize(1);

        store.submit(job("a", "1"));
        store.flush();

        assertThat(delegate.jobTable.calls()).as("the failed call wrote nothing; the second reached the store")
                .containsExactly("saveAll[a]");
        assertThat(delegate.jobTable.get(JobKey.of("a"))).isPresent();
    }
}
