package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.B1;
import static io.kubedl.persist.model.WriteOutcome.INSERTED;
import static io.kubedl.persist.model.WriteOutcome.STALE;
import static io.kubedl.persist.model.WriteOutcome.UNCHANGED;
import static io.kubedl.persist.model.WriteOutcome.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Rule B1: a batch behaves as its saves one by one, in input order. */
interface BatchRules extends TckSupport {

    /** Required, rule {@link ContractRule#B1}: newer then older is inserted then stale. */
    @Test
    default void required_B1_newerThenOlderIsInsertedThenStale() {
        JobRecord v1 = records().tfJob("mnist").withVersion("501");
        JobRecord v2 = records().running(v1).withVersion("502");
        assertThat(jobs().saveAll(List.of(v2, v1))).as(B1.says("[v2, v1] of a new job must answer [INSERTED, STALE]"))
                .containsExactly(INSERTED, STALE);
        assertThat(storedJob(v1.key(), B1)).as(B1.says("the highest version of the batch must win")).isEqualTo(v2);
    }

    /** Required, rule {@link ContractRule#B1}: same version twice is inserted then unchanged. */
    @Test
    default void required_B1_sameVersionTwiceIsInsertedThenUnchanged() {
        JobRecord v1 = records().tfJob("mnist");
        assertThat(jobs().saveAll(List.of(v1, v1))).as(B1.says("[v1, v1] must answer [INSERTED, UNCHANGED]"))
                .containsExactly(INSERTED, UNCHANGED);
        assertThat(storedJob(v1.key(), B1)).isEqualTo(v1);
    }

    /** Required, rule {@link ContractRule#B1}: highest version wins inside a batch. */
    @Test
    default void required_B1_highestVersionWinsInsideABatch() {
        JobRecord v1 = records().tfJob("mnist").withVersion("601");
        JobRecord v3 = records().succeeded(records().running(v1)).withVersion("603");
        JobRecord v2 = records().running(v1).withVersion("602");
        assertThat(jobs().saveAll(List.of(v1, v3, v2))).as(B1.says("[v1, v3, v2] must answer [INSERTED, UPDATED, STALE]"))
                .containsExactly(INSERTED, UPDATED, STALE);
        assertThat(storedJob(v1.key(), B1)).as(B1.says("the highest version must win inside a batch, not the last item")).isEqualTo(v3);
    }

    /** Required, rule {@link ContractRule#B1}: pod batch follows input order. */
    @Test
    default void required_B1_podBatchFollowsInputOrder() {
        JobRecord job = records().tfJob("mnist");
        PodRecord a1 = records().pod(job, "worker", 0).version("701").build();
        PodRecord b1 = records().pod(job, "worker", 1).version("702").build();
        PodRecord a3 = records().running(a1).withVersion("703");
        PodRecord b0 = b1.withVersion("700");
        assertThat(pods().saveAll(List.of(a1, b1, a3, b0, a1)))
                .as(B1.says("a pod batch must answer one outcome per item, in input order"))
                .containsExactly(INSERTED, INSERTED, UPDATED, STALE, STALE);
        assertThat(storedPod(a1.key(), B1)).isEqualTo(a3);
        assertThat(storedPod(b1.key(), B1)).isEqualTo(b1);
    }

    /** Required, rule {@link ContractRule#B1}: mixed jobs answer in input order. */
    @Test
    default void required_B1_mixedJobsAnswerInInputOrder() {
        JobRecord a = records().tfJob("a");
        JobRecord b = records().pyTorchJob("b");
        JobRecord aRunning = records().running(a);
        assertThat(jobs().saveAll(List.of(a, b, aRunning, b)))
                .as(B1.says("outcomes must be in input order, one per item"))
                .containsExactly(INSERTED, INSERTED, UPDATED, UNCHANGED);
        assertThat(storedJob(a.key(), B1)).isEqualTo(aRunning);
    }

    /** Required, rule {@link ContractRule#B1}: empty batch answers empty. */
    @Test
    default void required_B1_emptyBatchAnswersEmpty() {
        assertThat(jobs().saveAll(List.of())).as(B1.says("an empty batch answers an empty list")).isEmpty();
        assertThat(pods().saveAll(List.of())).as(B1.says("an empty pod batch answers an empty list")).isEmpty();
    }

    /** Required, rule {@link ContractRule#B1}: removed row in a batch is stale. */
    @Test
    default void required_B1_removedRowInABatchIsStale() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        jobs().markRemoved(v1.key(), v1.gmtCreated().plusSeconds(1));
        assertThat(jobs().saveAll(List.of(records().running(v1)))).as(B1.says("a batch follows W8 too")).containsExactly(STALE);
    }

    /** Required, rule {@link ContractRule#B1}: v1 bad item writes nothing of the batch. */
    @Test
    default void required_B1_V1_badItemWritesNothingOfTheBatch() {
        int limit = sut().limits().of("name");
        Assumptions.assumeTrue(limit < Integer.MAX_VALUE, "B1 bad item not verified: limits() sets no limit on name");
        JobRecord good = records().tfJob("good");
        JobRecord tooLong = records().tfJob("x".repeat(limit + 1));
        InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class, () -> jobs().saveAll(List.of(good, tooLong)));
        assertThat(refused).as(B1.says("a batch with an overlong name must be refused (V2)")).isNotNull();
        assertThat(refused.field()).as(B1.says("the error must name the item index and the field, e.g. jobs[1].name"))
                .contains("[1]").endsWith("name");
        assertThat(allJobs(JobQuery.builder().build())).as(B1.says("V1: nothing of a refused batch may be written (validate all items first)")).isEmpty();
    }

    /** Required, rule {@link ContractRule#B1}: v1 null item writes nothing of the batch. */
    @Test
    default void required_B1_V1_nullItemWritesNothingOfTheBatch() {
        JobRecord job = records().tfJob("mnist");
        PodRecord pod = records().pod(job, "worker", 0).build();
        InvalidRecordException jobsRefused = catchThrowableOfType(InvalidRecordException.class,
                () -> jobs().saveAll(Arrays.asList(job, null)));
        assertThat(jobsRefused).as(B1.says("a null item must be refused with InvalidRecordException")).isNotNull();
        assertThat(jobsRefused.field()).as(B1.says("the error must name the index")).contains("[1]");
        InvalidRecordException podsRefused = catchThrowableOfType(InvalidRecordException.class,
                () -> pods().saveAll(Arrays.asList(pod, null)));
        assertThat(podsRefused).as(B1.says("a null pod item must be refused with InvalidRecordException")).isNotNull();
        assertThat(allJobs(JobQuery.builder().build())).as(B1.says("V1: nothing of a refused batch may be written")).isEmpty();
        assertThat(allPods(PodQuery.builder().build())).as(B1.says("V1: nothing of a refused pod batch may be written")).isEmpty();
    }
}
