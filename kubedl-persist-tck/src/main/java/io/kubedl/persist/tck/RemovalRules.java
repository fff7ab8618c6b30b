package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.D1;
import static io.kubedl.persist.tck.ContractRule.D2;
import static io.kubedl.persist.tck.ContractRule.D3;
import static io.kubedl.persist.tck.ContractRule.D4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules D1..D4: removal from etcd, hard deletion, reconcile and purge. */
interface RemovalRules extends TckSupport {

    // D1

    /** Required, rule {@link ContractRule#D1}: unknown identity is not found. */
    @Test
    default void required_D1_unknownIdentityIsNotFound() {
        assertThat(jobs().markRemoved(JobKey.of(TckRecords.uid()), Instant.now()))
                .as(D1.says("marking an unknown job removed must answer NOT_FOUND, not fail")).isEqualTo(WriteOutcome.NOT_FOUND);
        assertThat(pods().markRemoved(PodKey.of(TckRecords.uid()), Instant.now()))
                .as(D1.says("marking an unknown pod removed must answer NOT_FOUND, not fail")).isEqualTo(WriteOutcome.NOT_FOUND);
        assertThat(allJobs(JobQuery.builder().build())).as(D1.says("NOT_FOUND must not insert anything")).isEmpty();
    }

    /** Required, rule {@link ContractRule#D1}: unfinished job becomes stopped. */
    @Test
    default void required_D1_unfinishedJobBecomesStopped() {
        JobRecord running = inserted(records().running(records().tfJob("mnist")));
        Instant at = running.gmtModified().plusSeconds(600);
        assertThat(jobs().markRemoved(running.key(), at)).as(D1.says("marking a job in etcd removed must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        JobRecord expected = running.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
        assertThat(storedJob(running.key(), D1))
                .as(D1.says("an unfinished job must become Stopped, inEtcd=false, gmtFinished=gmtModified=removal time, version unchanged"))
                .isEqualTo(expected);
    }

    /** Required, rule {@link ContractRule#D1}: unfinished pod becomes stopped. */
    @Test
    default void required_D1_unfinishedPodBecomesStopped() {
        PodRecord pending = inserted(records().pod(records().tfJob("mnist"), "worker", 0).build());
        Instant at = pending.gmtCreated().plusSeconds(60);
        assertThat(pods().markRemoved(pending.key(), at)).as(D1.says("marking a pod in etcd removed must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        PodRecord expected = pending.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
        assertThat(storedPod(pending.key(), D1))
                .as(D1.says("an unfinished pod must become Stopped with gmtFinished = removal time")).isEqualTo(expected);
    }

    /** Required, rule {@link ContractRule#D1}: finished job keeps its status and times. */
    @Test
    default void required_D1_finishedJobKeepsItsStatusAndTimes() {
        JobRecord done = inserted(records().succeeded(records().running(records().tfJob("mnist"))));
        Instant at = done.gmtFinished().plusSeconds(3600);
        assertThat(jobs().markRemoved(done.key(), at)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(done.key(), D1))
                .as(D1.says("a finished job keeps status, gmtFinished and gmtModified; only inEtcd becomes false"))
                .isEqualTo(done.withInEtcd(false));
    }

    /** Required, rule {@link ContractRule#D1}: terminal pod is marked removed too. */
    @Test
    default void required_D1_terminalPodIsMarkedRemovedToo() {
        PodRecord failed = records().pod(records().tfJob("mnist"), "worker", 0).status(PodStatus.FAILED).build();
        inserted(failed);
        Instant at = failed.gmtCreated().plusSeconds(60);
        assertThat(pods().markRemoved(failed.key(), at)).as(D1.says("a terminal pod must be marked removed too (UPDATED)"))
                .isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedPod(failed.key(), D1))
                .as(D1.says("a finished pod without gmtFinished keeps Failed and gets gmtFinished = removal time"))
                .isEqualTo(failed.toBuilder().inEtcd(false).gmtFinished(at).build());
    }

    /** Required, rule {@link ContractRule#D1}: mark removed is idempotent. */
    @Test
    default void required_D1_markRemovedIsIdempotent() {
        JobRecord job = inserted(records().tfJob("mnist"));
        Instant first = job.gmtCreated().plusSeconds(10);
        jobs().markRemoved(job.key(), first);
        JobRecord removed = storedJob(job.key(), D1);
        assertThat(jobs().markRemoved(job.key(), first.plusSeconds(50)))
                .as(D1.says("marking a removed job again must answer UNCHANGED")).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(storedJob(job.key(), D1)).as(D1.says("marking again must not move gmtFinished or anything else")).isEqualTo(removed);
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        pods().markRemoved(pod.key(), first);
        assertThat(pods().markRemoved(pod.key(), first.plusSeconds(50)))
                .as(D1.says("marking a removed pod again must answer UNCHANGED")).isEqualTo(WriteOutcome.UNCHANGED);
    }

    /** Required, rule {@link ContractRule#D1}: marking a job leaves its pods alone. */
    @Test
    default void required_D1_markingAJobLeavesItsPodsAlone() {
        JobRecord job = inserted(records().tfJob("mnist"));
        List<PodRecord> workers = records().workers(job, 2);
        pods().saveAll(workers);
        jobs().markRemoved(job.key(), job.gmtCreated().plusSeconds(10));
        for (PodRecord worker : workers) {
            assertThat(storedPod(worker.key(), D1)).as(D1.says("a job's markRemoved must not touch its pods")).isEqualTo(worker);
        }
    }

    /** Required, rule {@link ContractRule#D1}: mark removed all matches one by one. */
    @Test
    default void required_D1_markRemovedAllMatchesOneByOne() {
        JobRecord running = inserted(records().running(records().tfJob("mnist")));
        JobRecord done = inserted(records().succeeded(records().running(records().tfJob("resnet"))));
        JobRecord gone = inserted(records().tfJob("bert"));
        Instant at = done.gmtFinished().plusSeconds(600);
        jobs().markRemoved(gone.key(), at.minusSeconds(60));
        JobRecord goneBefore = storedJob(gone.key(), D1);
        JobKey unknown = JobKey.of(TckRecords.uid());
        List<WriteOutcome> outcomes = jobs().markRemovedAll(
                List.of(running.key(), done.key(), unknown, gone.key(), running.key()), at);
        assertThat(outcomes)
                .as(D1.says("markRemovedAll must answer what markRemoved one by one in input order would: "
                        + "[UPDATED, UPDATED, NOT_FOUND, UNCHANGED (removed before), UNCHANGED (listed twice)]; "
                        + "hint: compute outcomes per listed key, not per affected row"))
                .containsExactly(WriteOutcome.UPDATED, WriteOutcome.UPDATED, WriteOutcome.NOT_FOUND,
                        WriteOutcome.UNCHANGED, WriteOutcome.UNCHANGED);
        assertThat(storedJob(running.key(), D1))
                .as(D1.says("markRemovedAll must stop an unfinished job as markRemoved does (Stopped, gmtFinished = gmtModified = removedAt)"))
                .isEqualTo(running.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        assertThat(storedJob(done.key(), D1))
                .as(D1.says("markRemovedAll must leave a finished job's status and times alone, only inEtcd=false"))
                .isEqualTo(done.withInEtcd(false));
        assertThat(storedJob(gone.key(), D1))
                .as(D1.says("markRemovedAll must not touch a job removed before (its gmtFinished stays)")).isEqualTo(goneBefore);
        assertThat(jobs().get(unknown)).as(D1.says("markRemovedAll must not insert an unknown key")).isEmpty();
        assertThat(jobs().markRemovedAll(List.of(), at)).as(D1.says("markRemovedAll of no key must answer an empty list")).isEmpty();

        PodRecord pending = inserted(records().pod(running, "worker", 0).build());
        PodKey unknownPod = PodKey.of(TckRecords.uid());
        assertThat(pods().markRemovedAll(List.of(pending.key(), unknownPod, pending.key()), at))
                .as(D1.says("pods' markRemovedAll must answer as markRemoved one by one: [UPDATED, NOT_FOUND, UNCHANGED]; "
                        + "hint: a key listed twice is already removed the second time"))
                .containsExactly(WriteOutcome.UPDATED, WriteOutcome.NOT_FOUND, WriteOutcome.UNCHANGED);
        assertThat(storedPod(pending.key(), D1))
                .as(D1.says("pods' markRemovedAll must stop an unfinished pod with gmtFinished = removedAt"))
                .isEqualTo(pending.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
    }

    /** Required, rule {@link ContractRule#D1}: every status but succeeded failed stopped is unfinished. */
    @Test
    default void required_D1_everyStatusButSucceededFailedStoppedIsUnfinished() {
        Instant at = TckRecords.EPOCH.plusSeconds(86_400);
        JobRecord suspended = inserted(records().tfJob("suspended").toBuilder().status("Suspended").build());
        JobRecord restarting = inserted(records().tfJob("restarting").toBuilder().status(JobStatus.RESTARTING).build());
        PodRecord unknown = inserted(records().pod(suspended, "worker", 0).status(PodStatus.UNKNOWN).build());
        PodRecord evicted = inserted(records().pod(suspended, "worker", 1).status("Evicted").build());
        jobs().markRemovedAll(List.of(suspended.key(), restarting.key()), at);
        pods().markRemoved(unknown.key(), at);
        pods().markRemoved(evicted.key(), at);
        for (JobRecord job : List.of(suspended, restarting)) {
            assertThat(storedJob(job.key(), D1))
                    .as(D1.says("a job in status " + job.status() + " has not finished (only Succeeded, Failed and Stopped have): "
                            + "markRemoved must make it Stopped with gmtFinished = gmtModified = removedAt"))
                    .isEqualTo(job.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        }
        for (PodRecord pod : List.of(unknown, evicted)) {
            assertThat(storedPod(pod.key(), D1))
                    .as(D1.says("a pod in status " + pod.status() + " has not finished (only Succeeded, Failed and Stopped have): "
                            + "markRemoved must make it Stopped; decide 'finished' by inclusion, not NOT IN (running states)"))
                    .isEqualTo(pod.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        }
    }

    /**
     * Required, rule {@link ContractRule#D1}: save and mark removed of a new identity at once.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void required_D1_saveAndMarkRemovedOfANewIdentityAtOnce() throws Exception {
        RemovalRace.Result jobRace = RemovalRace.run(300, trial -> {
            JobRecord job = records().tfJob("race-" + trial);
            Instant at = job.gmtCreated().plusSeconds(5);
            return new RemovalRace.Trial(() -> jobs().save(job), () -> jobs().markRemoved(job.key(), at),
                    () -> jobs().get(job.key()).map(JobRecord::inEtcd));
        });
        assertThat(jobRace.violations()).as(D1.says("a save and a markRemoved of one NEW job at once must end as UPDATED (row removed) "
                + "or NOT_FOUND (no row yet, the save inserts it in etcd); never UNCHANGED while the row is still in etcd, "
                + "or a controller told UNCHANGED never retries " + jobRace)).isEmpty();
        RemovalRace.Result podRace = RemovalRace.run(150, trial -> {
            PodRecord pod = records().pod(records().tfJob("race"), "worker", trial).build();
            Instant at = pod.gmtCreated().plusSeconds(5);
            return new RemovalRace.Trial(() -> pods().save(pod), () -> pods().markRemoved(pod.key(), at),
                    () -> pods().get(pod.key()).map(PodRecord::inEtcd));
        });
        assertThat(podRace.violations()).as(D1.says("a save and a markRemoved of one NEW pod at once must end as UPDATED (row removed) "
                + "or NOT_FOUND (row inserted in etcd after it) " + podRace)).isEmpty();
    }

    // D2

    /** Required, rule {@link ContractRule#D2}: unknown identity is false. */
    @Test
    default void required_D2_unknownIdentityIsFalse() {
        assertThat(jobs().delete(JobKey.of(TckRecords.uid()))).as(D2.says("deleting an unknown job must answer false")).isFalse();
        assertThat(pods().delete(PodKey.of(TckRecords.uid()))).as(D2.says("deleting an unknown pod must answer false")).isFalse();
    }

    /** Required, rule {@link ContractRule#D2}: row still in etcd is refused. */
    @Test
    default void required_D2_rowStillInEtcdIsRefused() {
        JobRecord job = inserted(records().tfJob("mnist"));
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        assertThat(catchThrowable(() -> jobs().delete(job.key())))
                .as(D2.says("deleting a job still in etcd must throw StillInEtcdException")).isInstanceOf(StillInEtcdException.class)
                .hasMessageContaining("mark it removed first");
        assertThat(catchThrowable(() -> pods().delete(pod.key())))
                .as(D2.says("deleting a pod still in etcd must throw StillInEtcdException")).isInstanceOf(StillInEtcdException.class);
        assertThat(jobs().get(job.key())).as(D2.says("a refused delete must keep the job")).contains(job);
        assertThat(pods().get(pod.key())).as(D2.says("a refused delete must keep the pod and the job's pods")).contains(pod);
    }

    /** Required, rule {@link ContractRule#D2}: removed job is deleted with its pods. */
    @Test
    default void required_D2_removedJobIsDeletedWithItsPods() {
        JobRecord job = inserted(records().succeeded(records().tfJob("mnist")));
        List<PodRecord> own = records().workers(job, 3);
        pods().saveAll(own);
        JobRecord other = inserted(records().tfJob("other"));
        PodRecord othersPod = inserted(records().pod(other, "worker", 0).build());
        PodRecord sameUidOtherRegion = inserted(records().pod(job, "worker", 9).region("idc-b").build());
        jobs().markRemoved(job.key(), job.gmtFinished().plusSeconds(1));
        assertThat(jobs().delete(job.key())).as(D2.says("deleting a removed job must answer true")).isTrue();
        assertThat(jobs().get(job.key())).as(D2.says("a deleted job must be gone")).isEmpty();
        for (PodRecord pod : own) {
            assertThat(pods().get(pod.key())).as(D2.says("a job's delete must delete its pods (same region and jobId)")).isEmpty();
        }
        assertThat(pods().get(othersPod.key())).as(D2.says("pods of other jobs must stay")).contains(othersPod);
        assertThat(pods().get(sameUidOtherRegion.key())).as(D2.says("pods of the same jobId in another region must stay")).contains(sameUidOtherRegion);
        assertThat(jobs().delete(job.key())).as(D2.says("deleting again must answer false")).isFalse();
    }

    /** Required, rule {@link ContractRule#D2}: removed pod is deleted. */
    @Test
    default void required_D2_removedPodIsDeleted() {
        JobRecord job = inserted(records().tfJob("mnist"));
        PodRecord pod = inserted(records().pod(job, "worker", 0).build());
        pods().markRemoved(pod.key(), pod.gmtCreated().plusSeconds(1));
        assertThat(pods().delete(pod.key())).as(D2.says("deleting a removed pod must answer true")).isTrue();
        assertThat(pods().get(pod.key())).as(D2.says("a deleted pod must be gone")).isEmpty();
        assertThat(jobs().get(job.key())).as(D2.says("deleting a pod must not touch its job")).contains(job);
    }

    // D3

    /** Optional, rule {@link ContractRule#D3}: reconcile marks jobs missing from the live set. */
    @Test
    default void optional_D3_reconcileMarksJobsMissingFromTheLiveSet() {
        assumeCapability(Capability.RECONCILE, D3);
        JobRecord live = inserted(records().tfJob("live").toBuilder().region("idc-a").build());
        JobRecord gone = inserted(records().running(records().tfJob("gone")).toBuilder().region("idc-a").build());
        JobRecord otherKind = inserted(records().pyTorchJob("other-kind").toBuilder().region("idc-a").build());
        JobRecord otherRegion = inserted(records().tfJob("other-region").toBuilder().region("idc-b").build());
        JobRecord alreadyRemoved = inserted(records().succeeded(records().tfJob("already")).toBuilder().region("idc-a").inEtcd(false).build());
        Instant at = TckRecords.EPOCH.plusSeconds(86_400);
        int marked = declared(Capability.RECONCILE, D3,
                () -> jobs().reconcile("idc-a", Set.of("TFJob"), Set.of(live.jobId()), at));
        assertThat(marked).as(D3.says("exactly one TFJob of idc-a is in etcd and not live")).isEqualTo(1);
        assertThat(storedJob(gone.key(), D3)).as(D3.says("the missing job must be marked removed as by markRemoved"))
                .isEqualTo(gone.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        assertThat(storedJob(live.key(), D3)).as(D3.says("a live job must stay")).isEqualTo(live);
        assertThat(storedJob(otherKind.key(), D3)).as(D3.says("a job of a kind not reconciled must stay")).isEqualTo(otherKind);
        assertThat(storedJob(otherRegion.key(), D3)).as(D3.says("a job of another region must stay")).isEqualTo(otherRegion);
        assertThat(storedJob(alreadyRemoved.key(), D3)).as(D3.says("an already removed job is not counted nor changed")).isEqualTo(alreadyRemoved);
    }

    /** Optional, rule {@link ContractRule#D3}: reconcile covers every kind given and keeps finished status. */
    @Test
    default void optional_D3_reconcileCoversEveryKindGivenAndKeepsFinishedStatus() {
        assumeCapability(Capability.RECONCILE, D3);
        JobRecord tf = inserted(records().succeeded(records().tfJob("tf")));
        JobRecord torch = inserted(records().pyTorchJob("torch"));
        Instant at = TckRecords.EPOCH.plusSeconds(86_400);
        int marked = declared(Capability.RECONCILE, D3, () -> jobs().reconcile("", Set.of("TFJob", "PyTorchJob"), Set.of(), at));
        assertThat(marked).as(D3.says("both kinds must be reconciled")).isEqualTo(2);
        assertThat(storedJob(tf.key(), D3)).as(D3.says("a finished job keeps its status when reconciled")).isEqualTo(tf.withInEtcd(false));
        assertThat(storedJob(torch.key(), D3).status()).isEqualTo(JobStatus.STOPPED);
        assertThat(declared(Capability.RECONCILE, D3, () -> jobs().reconcile("", Set.of("TFJob", "PyTorchJob"), Set.of(), at)))
                .as(D3.says("reconciling again marks nothing")).isZero();
    }

    /** Optional, rule {@link ContractRule#D3}: reconcile without kinds is refused. */
    @Test
    default void optional_D3_reconcileWithoutKindsIsRefused() {
        assumeCapability(Capability.RECONCILE, D3);
        Throwable refused = catchThrowable(() -> declared(Capability.RECONCILE, D3,
                () -> jobs().reconcile("", Set.of(), Set.of(), Instant.now())));
        assertThat(refused).as(D3.says("reconcile with no kinds must throw InvalidRecordException naming 'kinds'"))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) refused).field()).isEqualTo("kinds");
    }

    /** Optional, rule {@link ContractRule#D3}: reconcile marks pods missing from the live set. */
    @Test
    default void optional_D3_reconcileMarksPodsMissingFromTheLiveSet() {
        assumeCapability(Capability.RECONCILE, D3);
        JobRecord job = records().tfJob("mnist");
        PodRecord live = inserted(records().pod(job, "worker", 0).region("idc-a").build());
        PodRecord gone = inserted(records().running(records().pod(job, "worker", 1).region("idc-a").build()));
        PodRecord done = inserted(records().succeeded(records().pod(job, "worker", 2).region("idc-a").build()));
        PodRecord otherRegion = inserted(records().pod(job, "worker", 3).region("idc-b").build());
        Instant at = TckRecords.EPOCH.plusSeconds(86_400);
        int marked = declared(Capability.RECONCILE, D3, () -> pods().reconcile("idc-a", Set.of(live.podId()), at));
        assertThat(marked).as(D3.says("two pods of idc-a are in etcd and not live")).isEqualTo(2);
        assertThat(storedPod(gone.key(), D3)).as(D3.says("a missing running pod becomes Stopped"))
                .isEqualTo(gone.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        assertThat(storedPod(done.key(), D3)).as(D3.says("a missing terminal pod is marked removed and keeps its status"))
                .isEqualTo(done.withInEtcd(false));
        assertThat(storedPod(live.key(), D3)).isEqualTo(live);
        assertThat(storedPod(otherRegion.key(), D3)).as(D3.says("a pod of another region must stay")).isEqualTo(otherRegion);
    }

    // D4

    /** Optional, rule {@link ContractRule#D4}: purge deletes removed jobs finished before the instant. */
    @Test
    default void optional_D4_purgeDeletesRemovedJobsFinishedBeforeTheInstant() {
        assumeCapability(Capability.PURGE, D4);
        Instant before = TckRecords.EPOCH.plusSeconds(100_000);
        JobRecord old = inserted(finishedAt(records().tfJob("old"), before.minusSeconds(1), false));
        List<PodRecord> oldPods = records().workers(old, 2);
        pods().saveAll(oldPods);
        JobRecord atBound = inserted(finishedAt(records().tfJob("at-bound"), before, false));
        JobRecord recent = inserted(finishedAt(records().tfJob("recent"), before.plusSeconds(1), false));
        JobRecord stillInEtcd = inserted(finishedAt(records().tfJob("in-etcd"), before.minusSeconds(50_000), true));
        JobRecord neverFinished = inserted(records().tfJob("no-finish-time").withInEtcd(false));
        int purged = declared(Capability.PURGE, D4, () -> jobs().purge(before));
        assertThat(purged).as(D4.says("exactly one removed job finished strictly before the instant")).isEqualTo(1);
        assertThat(jobs().get(old.key())).as(D4.says("a removed job finished before the instant must be purged")).isEmpty();
        for (PodRecord pod : oldPods) {
            assertThat(pods().get(pod.key())).as(D4.says("a purged job takes its pods")).isEmpty();
        }
        assertThat(jobs().get(atBound.key())).as(D4.says("the bound is exclusive: gmtFinished == before stays")).isPresent();
        assertThat(jobs().get(recent.key())).as(D4.says("a job finished after the instant stays")).isPresent();
        assertThat(jobs().get(stillInEtcd.key())).as(D4.says("nothing in etcd is ever purged")).isPresent();
        assertThat(jobs().get(neverFinished.key())).as(D4.says("a removed job without gmtFinished is not purged")).isPresent();
    }

    /** Optional, rule {@link ContractRule#D4}: purge deletes removed pods finished before the instant. */
    @Test
    default void optional_D4_purgeDeletesRemovedPodsFinishedBeforeTheInstant() {
        assumeCapability(Capability.PURGE, D4);
        Instant before = TckRecords.EPOCH.plusSeconds(100_000);
        JobRecord job = records().tfJob("mnist");
        PodRecord old = inserted(records().pod(job, "worker", 0).gmtFinished(before.minusSeconds(1)).status(PodStatus.SUCCEEDED).inEtcd(false).build());
        PodRecord inEtcd = inserted(records().pod(job, "worker", 1).gmtFinished(before.minusSeconds(9)).status(PodStatus.SUCCEEDED).build());
        PodRecord recent = inserted(records().pod(job, "worker", 2).gmtFinished(before).status(PodStatus.FAILED).inEtcd(false).build());
        assertThat(declared(Capability.PURGE, D4, () -> pods().purge(before))).as(D4.says("one pod is removed and finished before")).isEqualTo(1);
        assertThat(pods().get(old.key())).as(D4.says("the old removed pod must be purged")).isEmpty();
        assertThat(pods().get(inEtcd.key())).as(D4.says("a pod in etcd is never purged")).isPresent();
        assertThat(pods().get(recent.key())).as(D4.says("gmtFinished == before stays (exclusive bound)")).isPresent();
    }

    /** Optional, rule {@link ContractRule#D4}: purge counts every batch. */
    @Test
    default void optional_D4_purgeCountsEveryBatch() {
        assumeCapability(Capability.PURGE, D4);
        Instant before = TckRecords.EPOCH.plusSeconds(100_000);
        List<JobRecord> removed = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            removed.add(finishedAt(records().tfJob("old-" + i), before.minusSeconds(10 + i), false));
        }
        jobs().saveAll(removed);
        assertThat(declared(Capability.PURGE, D4, () -> jobs().purge(before)))
                .as(D4.says("purge runs in bounded batches but must delete and count every matching row (1203)")).isEqualTo(1203);
        assertThat(jobs().list(JobQuery.builder().pageSize(1).build()).items()).as(D4.says("no purgeable row may be left")).isEmpty();
        assertThat(declared(Capability.PURGE, D4, () -> jobs().purge(before))).as(D4.says("purging again deletes nothing")).isZero();
    }

    /** Optional, rule {@link ContractRule#D3}: reconcile stops every unfinished status. */
    @Test
    default void optional_D3_reconcileStopsEveryUnfinishedStatus() {
        assumeCapability(Capability.RECONCILE, D3);
        Instant at = TckRecords.EPOCH.plusSeconds(86_400);
        JobRecord suspended = inserted(records().tfJob("suspended").toBuilder().status("Suspended").build());
        PodRecord unknown = inserted(records().pod(suspended, "worker", 0).status(PodStatus.UNKNOWN).build());
        assertThat(declared(Capability.RECONCILE, D3, () -> jobs().reconcile("", Set.of("TFJob"), Set.of(), at)))
                .as(D3.says("the Suspended job is in etcd and not live")).isEqualTo(1);
        assertThat(declared(Capability.RECONCILE, D3, () -> pods().reconcile("", Set.of(), at)))
                .as(D3.says("the Unknown pod is in etcd and not live")).isEqualTo(1);
        assertThat(storedJob(suspended.key(), D3))
                .as(D3.says("reconcile must stop a job in an unknown status such as Suspended, as markRemoved does"))
                .isEqualTo(suspended.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
        assertThat(storedPod(unknown.key(), D3))
                .as(D3.says("reconcile must stop a pod in phase Unknown, as markRemoved does"))
                .isEqualTo(unknown.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build());
    }

    /** Optional, rule {@link ContractRule#D4}: pod purge counts every batch. */
    @Test
    default void optional_D4_podPurgeCountsEveryBatch() {
        assumeCapability(Capability.PURGE, D4);
        Instant before = TckRecords.EPOCH.plusSeconds(100_000);
        JobRecord job = records().tfJob("mnist");
        List<PodRecord> removed = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            removed.add(records().pod(job, "worker", i).status(PodStatus.SUCCEEDED).gmtFinished(before.minusSeconds(10 + i))
                    .inEtcd(false).build());
        }
        pods().saveAll(removed);
        PodRecord inEtcd = inserted(records().pod(job, "ps", 0).status(PodStatus.SUCCEEDED).gmtFinished(before.minusSeconds(5)).build());
        assertThat(declared(Capability.PURGE, D4, () -> pods().purge(before)))
                .as(D4.says("pod purge runs in bounded batches but must delete and count every matching pod (1203), "
                        + "not stop after its first batch")).isEqualTo(1203);
        assertThat(allPods(PodQuery.builder().build())).as(D4.says("only the pod still in etcd may be left")).containsExactly(inEtcd);
    }

    /** Optional, rule {@link ContractRule#D4}: purged job takes all its pods. */
    @Test
    default void optional_D4_purgedJobTakesAllItsPods() {
        assumeCapability(Capability.PURGE, D4);
        Instant before = TckRecords.EPOCH.plusSeconds(100_000);
        JobRecord job = inserted(finishedAt(records().tfJob("old"), before.minusSeconds(60), false));
        PodRecord removedPod = inserted(records().pod(job, "worker", 0).status(PodStatus.SUCCEEDED).inEtcd(false)
                .gmtFinished(before.plusSeconds(60)).build());
        PodRecord podInEtcd = inserted(records().pod(job, "worker", 1).status(PodStatus.RUNNING).build());
        PodRecord otherRegion = inserted(records().pod(job, "worker", 2).region("idc-b").build());
        assertThat(declared(Capability.PURGE, D4, () -> jobs().purge(before))).as(D4.says("one job is purgeable")).isEqualTo(1);
        assertThat(pods().get(removedPod.key()))
                .as(D4.says("a purged job takes its pods whatever their own gmtFinished")).isEmpty();
        assertThat(pods().get(podInEtcd.key()))
                .as(D4.says("a purged job takes its pods even when one is still marked in etcd (as delete does, D2): "
                        + "the job is gone, its pods would be orphans")).isEmpty();
        assertThat(pods().get(otherRegion.key())).as(D4.says("pods of the same jobId in another region stay")).contains(otherRegion);
    }

    private static JobRecord finishedAt(JobRecord job, Instant finished, boolean inEtcd) {
        return job.toBuilder().status(JobStatus.SUCCEEDED).gmtFinished(finished).gmtModified(finished).inEtcd(inEtcd).build();
    }
}
