package io.kubedl.persist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordTest {
    private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");

    static JobRecord.Builder job() {
        return JobRecord.builder().jobId("6f1c2a").name("mnist").namespace("kubeflow").kind("TFJob")
                .version("1200").gmtCreated(CREATED);
    }

    static PodRecord.Builder pod() {
        return PodRecord.builder().podId("a1b2").name("mnist-worker-0").namespace("kubeflow").jobId("6f1c2a")
                .version("1300").gmtCreated(CREATED);
    }

    @Test
    void v1_jobWithoutNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> job().name(null).build())
                .isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @CsvSource({"jobId", "namespace", "kind", "version", "gmtCreated", "status"})
    void v1_everyRequiredJobFieldIsNamedWhenMissing(String field) {
        JobRecord.Builder b = job();
        switch (field) {
            case "jobId" -> b.jobId(" ");
            case "namespace" -> b.namespace("");
            case "kind" -> b.kind(null);
            case "version" -> b.version((ResourceVersion) null);
            case "gmtCreated" -> b.gmtCreated(null);
            case "status" -> b.status((JobStatus) null);
            default -> throw new IllegalArgumentException(field);
        }
        assertThatThrownBy(b::build).isInstanceOf(InvalidRecordException.class).hasMessageStartingWith(field + ":");
    }

    @Test
    void v1_podWithoutJobIdIsRefused() {
        assertThatThrownBy(() -> pod().jobId(null).build()).hasMessageStartingWith("jobId:");
    }

    @Test
    void i1_missingRegionIsTheEmptyRegion() {
        JobRecord r = job().region(null).build();
        assertThat(r.region()).isEmpty();
        assertThat(r.key()).isEqualTo(new JobKey("", "6f1c2a"));
        assertThat(new PodKey(null, "x").region()).isEmpty();
    }

    @Test
    void timesAreTruncatedToSeconds() {
        JobRecord r = job().gmtCreated(Instant.parse("2026-11-20T08:00:00.987654Z"))
                .gmtRunning(Instant.parse("2026-11-20T08:01:02.5Z")).build();
        assertThat(r.gmtCreated()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(r.gmtRunning()).isEqualTo(Instant.parse("2026-11-20T08:01:02Z"));
    }

    @Test
    void builderDefaultsAreCreatedAndInEtcd() {
        JobRecord r = job().build();
        assertThat(r.status()).isEqualTo(JobStatus.CREATED);
        assertThat(r.inEtcd()).isTrue();
        assertThat(pod().build().status()).isEqualTo(PodStatus.PENDING);
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        JobRecord r = job().region("cn-hz").status(JobStatus.FAILED).resources("{\"Worker\":{}}").tenant("t").owner("o")
                .inEtcd(false).gmtModified(CREATED.plusSeconds(5)).gmtRunning(CREATED.plusSeconds(1))
                .gmtFinished(CREATED.plusSeconds(9)).remark("r").build();
        assertThat(r.toBuilder().build()).isEqualTo(r);
        PodRecord p = pod().image("img").replicaType("worker").hostIp("10.0.0.1").podIp("172.16.0.2").remark("x")
                .gmtStarted(CREATED.plusSeconds(3)).build();
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void withersReplaceOnlyTheirField() {
        JobRecord r = job().build();
        JobRecord next = r.withVersionAndStatus("1300", JobStatus.RUNNING);
        assertThat(next.version().value()).isEqualTo("1300");
        assertThat(next.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(next.toBuilder().version("1200").status(JobStatus.CREATED).build()).isEqualTo(r);
        assertThat(r.withInEtcd(false).inEtcd()).isFalse();
    }

    @Test
    void w5_builderRejectsABadVersionNamingTheJob() {
        assertThatThrownBy(() -> job().version("12x"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("job kubeflow/mnist");
    }

    @ParameterizedTest
    @CsvSource({"mnist-worker-0,0", "mnist-worker-9,9", "mnist-worker-10,10", "launcher,-1", "x-,-1",
            "job-ps-12345678901,-1", "pod-a7,-1", "a-007,7"})
    void q4_replicaIndexIsTheNumericSuffix(String name, int index) {
        assertThat(PodRecord.replicaIndexOf(name)).isEqualTo(index);
    }

    @Test
    void podKnowsItsJobKey() {
        PodRecord p = pod().region("us-west").build();
        assertThat(p.jobKey()).isEqualTo(new JobKey("us-west", "6f1c2a"));
        assertThat(p.key()).isEqualTo(new PodKey("us-west", "a1b2"));
    }

    @Test
    void writeOutcomeTellsWhetherTheRowChanged() {
        assertThat(WriteOutcome.INSERTED.changedRow()).isTrue();
        assertThat(WriteOutcome.UPDATED.changedRow()).isTrue();
        assertThat(WriteOutcome.UNCHANGED.changedRow()).isFalse();
        assertThat(WriteOutcome.STALE.changedRow()).isFalse();
        assertThat(WriteOutcome.NOT_FOUND.changedRow()).isFalse();
    }
}
