package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.T1;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.spi.Capability;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Rule T1: times are instants, in UTC, second precision, over the whole range the store declares. */
interface TimeRules extends TckSupport {

    /** Zones far from UTC and from each other (+14:00 and -03:30), so that any zone-dependent conversion shows. */
    String WRITE_ZONE = "Pacific/Kiritimati";
    /** The zone the rows are read back under. */
    String READ_ZONE = "America/St_Johns";

    /** Required, rule {@link ContractRule#T1}: times do not depend on the jvm zone. */
    @Test
    default void required_T1_timesDoNotDependOnTheJvmZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(WRITE_ZONE));
            JobRecord job = inserted(records().succeeded(records().running(records().tfJob("zoned"))));
            PodRecord pod = inserted(records().running(records().pod(job, "worker", 0).build()));
            JobRecord removing = inserted(records().running(records().tfJob("removed-in-another-zone")));
            Instant removedAt = removing.gmtRunning().plusSeconds(30);
            jobs().markRemoved(removing.key(), removedAt);
            TimeZone.setDefault(TimeZone.getTimeZone(READ_ZONE));
            assertThat(storedJob(job.key(), T1))
                    .as(T1.says("a job written with the JVM zone " + WRITE_ZONE + " must read back the same instants under " + READ_ZONE))
                    .isEqualTo(job);
            assertThat(storedPod(pod.key(), T1))
                    .as(T1.says("a pod written with the JVM zone " + WRITE_ZONE + " must read back the same instants under " + READ_ZONE))
                    .isEqualTo(pod);
            assertThat(storedJob(removing.key(), T1).gmtFinished())
                    .as(T1.says("a removal time written under " + WRITE_ZONE + " must read back the same under " + READ_ZONE))
                    .isEqualTo(removedAt);
            assertThat(names(jobs().list(JobQuery.builder().createdFrom(job.gmtCreated()).createdTo(job.gmtCreated().plusSeconds(1)).build())
                    .items()))
                    .as(T1.says("createdFrom/createdTo given under " + READ_ZONE + " must select the job created at " + job.gmtCreated()))
                    .containsExactly(job.name());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    /** Required, rule {@link ContractRule#T1}: removed at is truncated to the second. */
    @Test
    default void required_T1_removedAtIsTruncatedToTheSecond() {
        JobRecord job = inserted(records().running(records().tfJob("mnist")));
        Instant second = job.gmtRunning().plusSeconds(60);
        Instant late = second.plusMillis(999).plusNanos(999_999);
        jobs().markRemoved(job.key(), late);
        assertThat(storedJob(job.key(), T1))
                .as(T1.says("markRemoved at " + late + " must store " + second + ": sub-second parts are truncated, never rounded up"))
                .isEqualTo(job.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(second).gmtModified(second).build());
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        JobRecord other = inserted(records().tfJob("resnet"));
        pods().markRemovedAll(List.of(pod.key()), late);
        jobs().markRemovedAll(List.of(other.key()), late);
        assertThat(storedPod(pod.key(), T1).gmtFinished())
                .as(T1.says("pods' markRemovedAll at " + late + " must store " + second + " (truncated)")).isEqualTo(second);
        assertThat(storedJob(other.key(), T1).gmtFinished())
                .as(T1.says("jobs' markRemovedAll at " + late + " must store " + second + " (truncated)")).isEqualTo(second);
        if (sut().capabilities().contains(Capability.RECONCILE)) {
            JobRecord gone = inserted(records().tfJob("reconciled"));
            declared(Capability.RECONCILE, T1, () -> jobs().reconcile("", Set.of("TFJob"), Set.of(job.jobId(), other.jobId()), late));
            assertThat(storedJob(gone.key(), T1).gmtFinished())
                    .as(T1.says("reconcile at " + late + " must store " + second + " (truncated)")).isEqualTo(second);
        }
    }

    /** Required, rule {@link ContractRule#T1}: times at both ends of the range round trip. */
    @Test
    default void required_T1_timesAtBothEndsOfTheRangeRoundTrip() {
        Instant earliest = sut().limits().earliest();
        Instant latest = sut().limits().latest();
        List<Instant> inside = List.of(earliest, Instant.parse("1901-12-13T20:45:51Z"), Instant.parse("1969-12-31T23:59:59Z"),
                Instant.parse("2038-01-19T03:14:08Z"), Instant.parse("2040-06-01T00:00:00Z"), Instant.parse("2106-02-07T06:28:16Z"),
                latest);
        int written = 0;
        for (Instant t : inside) {
            if (t.isBefore(earliest) || t.isAfter(latest)) {
                continue;
            }
            written++;
            JobRecord job = records().tfJob("at-" + t.getEpochSecond()).toBuilder().gmtCreated(t).gmtModified(t).gmtRunning(t)
                    .gmtFinished(t).status(JobStatus.SUCCEEDED).build();
            inserted(job);
            assertThat(storedJob(job.key(), T1))
                    .as(T1.says("a job whose times are " + t + " (inside limits() " + earliest + " .. " + latest
                            + ") must read back unchanged: no 32-bit epoch seconds, no TIMESTAMP column that ends in 2038"))
                    .isEqualTo(job);
            PodRecord pod = records().pod(job, "worker", 0).gmtCreated(t).gmtModified(t).gmtStarted(t).gmtFinished(t)
                    .status(PodStatus.SUCCEEDED).build();
            inserted(pod);
            assertThat(storedPod(pod.key(), T1)).as(T1.says("a pod whose times are " + t + " must read back unchanged")).isEqualTo(pod);
        }
        assertThat(allJobs(JobQuery.builder().createdFrom(earliest).build())).as(T1.says("createdFrom = limits().earliest() selects every row"))
                .hasSize(written);
        List<JobRecord> newestFirst = allJobs(JobQuery.builder().build());
        assertThat(newestFirst.get(0).gmtCreated()).as(T1.says("the row created at limits().latest() is listed first")).isEqualTo(latest);
        assertThat(newestFirst.get(newestFirst.size() - 1).gmtCreated())
                .as(T1.says("the row created at limits().earliest() is listed last")).isEqualTo(earliest);
        JobKey end = newestFirst.get(0).key();
        assertThat(jobs().markRemoved(end, latest)).as(T1.says("markRemoved at limits().latest() is inside the range")).isNotNull();
        assertThat(storedJob(end, T1).gmtFinished()).isEqualTo(latest);
    }
}
