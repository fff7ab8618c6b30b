package io.kubedl.persist.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static JobRecord job(String version, JobStatus status) {
        return JobRecord.builder().jobId("uid").name("mnist").namespace("ns").kind("TFJob").version(version)
                .status(status).gmtCreated(T0).build();
    }

    private static PodRecord pod(String version, PodStatus status) {
        return PodRecord.builder().podId("p").name("mnist-worker-0").namespace("ns").jobId("uid").version(version)
                .status(status).gmtCreated(T0).build();
    }

    @Test
    void w1_insertTakesGmtModifiedFromCreationWhenUnset() {
        RowRules.Applied<JobRecord> a = RowRules.save(null, job("5", JobStatus.CREATED), NOW);
        assertThat(a.outcome()).isEqualTo(WriteOutcome.INSERTED);
        assertThat(a.row().gmtModified()).isEqualTo(T0);
    }

    @Test
    void w3_w4_sameVersionIsUnchangedOlderIsStale() {
        JobRecord stored = job("10", JobStatus.RUNNING);
        assertThat(RowRules.save(stored, job("10", JobStatus.FAILED), NOW).outcome()).isEqualTo(WriteOutcome.UNCHANGED);
        RowRules.Applied<JobRecord> stale = RowRules.save(stored, job("9", JobStatus.FAILED), NOW);
        assertThat(stale.outcome()).isEqualTo(WriteOutcome.STALE);
        assertThat(stale.row()).isSameAs(stored);
    }

    @Test
    void w8_removedRowIsStaleEvenForANewerVersion() {
        JobRecord removed = job("10", JobStatus.RUNNING).withInEtcd(false);
        assertThat(RowRules.save(removed, job("11", JobStatus.RUNNING), NOW).outcome()).isEqualTo(WriteOutcome.STALE);
    }

    @Test
    void w7_gmtModifiedMovesOnlyWithTheStatusAndGmtRunningIsSetOnce() {
        JobRecord stored = job("10", JobStatus.RUNNING).toBuilder().gmtModified(T0.plusSeconds(5))
                .gmtRunning(T0.plusSeconds(5)).build();
        JobRecord sameStatus = job("11", JobStatus.RUNNING).toBuilder().gmtRunning(T0.plusSeconds(99)).build();
        JobRecord afterSame = RowRules.save(stored, sameStatus, NOW).row();
        assertThat(afterSame.gmtModified()).isEqualTo(T0.plusSeconds(5));
        assertThat(afterSame.gmtRunning()).isEqualTo(T0.plusSeconds(5));
        JobRecord failed = RowRules.save(afterSame, job("12", JobStatus.FAILED), NOW).row();
        assertThat(failed.gmtModified()).isEqualTo(NOW);
        assertThat(failed.version().value()).isEqualTo("12");
    }

    @Test
    void w7_emptyTimestampsNeverEraseAndNewerOnesReplace() {
        PodRecord stored = pod("10", PodStatus.RUNNING).toBuilder().gmtStarted(T0.plusSeconds(3)).build();
        PodRecord restarted = pod("11", PodStatus.RUNNING).toBuilder().gmtStarted(T0.plusSeconds(60)).build();
        assertThat(RowRules.save(stored, restarted, NOW).row().gmtStarted()).isEqualTo(T0.plusSeconds(60));
        assertThat(RowRules.save(stored, pod("11", PodStatus.RUNNING), NOW).row().gmtStarted()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void d1_unfinishedRowsBecomeStoppedFinishedOnesKeepTheirStatus() {
        JobRecord running = RowRules.removed(job("10", JobStatus.RUNNING), NOW);
        assertThat(running.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(running.gmtFinished()).isEqualTo(NOW);
        assertThat(running.inEtcd()).isFalse();
        PodRecord succeeded = pod("10", PodStatus.SUCCEEDED).toBuilder().gmtFinished(T0.plusSeconds(7)).build();
        PodRecord removed = RowRules.removed(succeeded, NOW);
        assertThat(removed.status()).isEqualTo(PodStatus.SUCCEEDED);
        assertThat(removed.gmtFinished()).isEqualTo(T0.plusSeconds(7));
        assertThat(removed.inEtcd()).isFalse();
    }
}
