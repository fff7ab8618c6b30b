package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.I1;
import static io.kubedl.persist.tck.ContractRule.I2;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import org.junit.jupiter.api.Test;

/** Rules I1 and I2: what a row is, and that there is only one per identity. */
interface IdentityRules extends TckSupport {

    /** Required, rule {@link ContractRule#I1}: same job uid in two regions is two rows. */
    @Test
    default void required_I1_sameJobUidInTwoRegionsIsTwoRows() {
        JobRecord here = records().tfJob("mnist");
        JobRecord there = here.toBuilder().region("idc-b").build();
        assertThat(jobs().save(here)).as(I1.says("a job UID in the empty region must be a row of its own")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(jobs().save(there)).as(I1.says("the same job UID in another region must be a new row")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(storedJob(here.key(), I1)).as(I1.says("the row of the empty region")).isEqualTo(here);
        assertThat(storedJob(there.key(), I1)).as(I1.says("the row of region idc-b")).isEqualTo(there);
        assertThat(allJobs(JobQuery.builder().jobId(here.jobId()).build())).as(I1.says("two regions, two rows")).hasSize(2);
    }

    /** Required, rule {@link ContractRule#I1}: same pod uid in two regions is two rows. */
    @Test
    default void required_I1_samePodUidInTwoRegionsIsTwoRows() {
        JobRecord job = records().tfJob("mnist");
        PodRecord here = records().pod(job, "worker", 0).build();
        PodRecord there = here.toBuilder().region("idc-b").build();
        assertThat(pods().save(here)).as(I1.says("a pod UID in the empty region must be a row of its own")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(pods().save(there)).as(I1.says("the same pod UID in another region must be a new row")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(storedPod(here.key(), I1)).isEqualTo(here);
        assertThat(storedPod(there.key(), I1)).isEqualTo(there);
    }

    /** Required, rule {@link ContractRule#I1}: job recreated under the same name is a new row. */
    @Test
    default void required_I1_jobRecreatedUnderTheSameNameIsANewRow() {
        JobRecord first = records().tfJob("mnist").toBuilder().status(JobStatus.SUCCEEDED).build();
        JobRecord second = records().tfJob("mnist");
        inserted(first);
        assertThat(jobs().save(second)).as(I1.says("a job re-created under the same name has a new UID, so a new row")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(storedJob(first.key(), I1)).as(I1.says("the first job's row must be kept (history)")).isEqualTo(first);
        assertThat(storedJob(second.key(), I1)).isEqualTo(second);
    }

    /** Required, rule {@link ContractRule#I1}: no region is the empty region. */
    @Test
    default void required_I1_noRegionIsTheEmptyRegion() {
        JobRecord job = records().job("TFJob", "mnist").region(null).build();
        inserted(job);
        assertThat(jobs().get(new JobKey(null, job.jobId()))).as(I1.says("a null region must read as the empty region")).contains(job);
        assertThat(jobs().get(JobKey.of(job.jobId()))).as(I1.says("JobKey.of(uid) is the empty region")).contains(job);
        assertThat(jobs().get(new JobKey("idc-a", job.jobId()))).as(I1.says("another region must not find the row")).isEmpty();
        PodRecord pod = records().pod(job, "worker", 0).region(null).build();
        inserted(pod);
        assertThat(pods().get(new PodKey(null, pod.podId()))).as(I1.says("a null pod region must read as the empty region")).contains(pod);
    }

    /** Required, rule {@link ContractRule#I2}: repeated saves of one job keep one row. */
    @Test
    default void required_I2_repeatedSavesOfOneJobKeepOneRow() {
        JobRecord job = records().tfJob("mnist");
        inserted(job);
        for (int i = 0; i < 5; i++) {
            jobs().save(records().running(job));
            jobs().save(job);
        }
        assertThat(allJobs(JobQuery.builder().jobId(job.jobId()).build()))
                .as(I2.says("saving one identity many times must leave exactly one row")).hasSize(1);
    }

    /** Required, rule {@link ContractRule#I2}: repeated saves of one pod keep one row. */
    @Test
    default void required_I2_repeatedSavesOfOnePodKeepOneRow() {
        JobRecord job = records().tfJob("mnist");
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        for (int i = 0; i < 5; i++) {
            pods().save(records().running(pod));
            pods().save(pod);
        }
        assertThat(allPods(PodQuery.builder().name(pod.name()).build()))
                .as(I2.says("saving one pod identity many times must leave exactly one row")).hasSize(1);
    }
}
