package io.kubedl.persist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void knownJobStatusesAreTheConstants() {
        assertThat(JobStatus.of("Running")).isSameAs(JobStatus.RUNNING);
        assertThat(JobStatus.of("succeeded")).isSameAs(JobStatus.SUCCEEDED);
        assertThat(JobStatus.RESTARTING.isKnown()).isTrue();
    }

    @Test
    void unknownJobStatusIsKeptAsIs() {
        JobStatus suspended = JobStatus.of("Suspended");
        assertThat(suspended.value()).isEqualTo("Suspended");
        assertThat(suspended.isKnown()).isFalse();
        assertThat(suspended.isFinished()).isFalse();
    }

    @Test
    void seedMisspellingsReadAsKubernetesWords() {
        assertThat(JobStatus.of("Succeed")).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(PodStatus.of("Succeed")).isEqualTo(PodStatus.SUCCEEDED);
        assertThat(PodStatus.of("Unkown")).isEqualTo(PodStatus.UNKNOWN);
    }

    @Test
    void finishedStatusesAreSucceededFailedAndStopped() {
        assertThat(JobStatus.SUCCEEDED.isFinished()).isTrue();
        assertThat(JobStatus.FAILED.isFinished()).isTrue();
        assertThat(JobStatus.STOPPED.isFinished()).isTrue();
        assertThat(JobStatus.RUNNING.isFinished()).isFalse();
        assertThat(JobStatus.RESTARTING.isFinished()).isFalse();
        assertThat(PodStatus.FAILED.isFinished()).isTrue();
        assertThat(PodStatus.PENDING.isFinished()).isFalse();
        assertThat(PodStatus.UNKNOWN.isFinished()).isFalse();
    }

    @Test
    void unknownPodPhaseIsKept() {
        assertThat(PodStatus.of("Evicted").value()).isEqualTo("Evicted");
    }

    @Test
    void blankStatusIsRefused() {
        assertThatThrownBy(() -> JobStatus.of(" ")).hasMessageContaining("status");
        assertThatThrownBy(() -> PodStatus.of(null)).hasMessageContaining("status");
    }
}
