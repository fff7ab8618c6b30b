package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.W1;
import static io.kubedl.persist.tck.ContractRule.W2;
import static io.kubedl.persist.tck.ContractRule.W3;
import static io.kubedl.persist.tck.ContractRule.W4;
import static io.kubedl.persist.tck.ContractRule.W5;
import static io.kubedl.persist.tck.ContractRule.W6;
import static io.kubedl.persist.tck.ContractRule.W7;
import static io.kubedl.persist.tck.ContractRule.W8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules W1..W8: what one save does to one row. */
interface WriteRules extends TckSupport {

    // W1

    /** Required, rule {@link ContractRule#W1}: unknown job is inserted as given. */
    @Test
    default void required_W1_unknownJobIsInsertedAsGiven() {
        JobRecord job = records().tfJob("mnist").toBuilder().remark("tensorboard: http://tb.example.com/mnist").build();
        assertThat(jobs().save(job)).as(W1.says("saving an unknown job must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(storedJob(job.key(), W1)).as(W1.says("the inserted job must read back exactly as saved")).isEqualTo(job);
    }

    /** Required, rule {@link ContractRule#W1}: unknown pod is inserted as given. */
    @Test
    default void required_W1_unknownPodIsInsertedAsGiven() {
        JobRecord job = records().tfJob("mnist");
        PodRecord pod = records().running(records().pod(job, "worker", 3).build()).toBuilder().remark("OOMKilled once").build();
        assertThat(pods().save(pod)).as(W1.says("saving an unknown pod must answer INSERTED")).isEqualTo(WriteOutcome.INSERTED);
        assertThat(storedPod(pod.key(), W1)).as(W1.says("the inserted pod must read back exactly as saved")).isEqualTo(pod);
    }

    /** Required, rule {@link ContractRule#W1}: every job field round trips. */
    @Test
    default void required_W1_everyJobFieldRoundTrips() {
        Instant created = records().nextCreated();
        JobRecord job = JobRecord.builder().region("idc-a").jobId(TckRecords.uid()).name("bert-pretrain").namespace("nlp")
                .kind("PyTorchJob").version("9876543210").status("Suspended").resources("{\"Worker\":{\"replicas\":64}}")
                .tenant("tenant-7").owner("bob").inEtcd(true).gmtCreated(created).gmtModified(created.plusSeconds(5))
                .gmtRunning(created.plusSeconds(7)).gmtFinished(created.plusSeconds(3600)).remark("a remark").build();
        inserted(job);
        assertThat(storedJob(job.key(), W1))
                .as(W1.says("every column, an unknown status string and all four times must read back unchanged (UTC, seconds)"))
                .isEqualTo(job);
    }

    /** Required, rule {@link ContractRule#W1}: every pod field round trips. */
    @Test
    default void required_W1_everyPodFieldRoundTrips() {
        Instant created = records().nextCreated();
        PodRecord pod = PodRecord.builder().region("idc-a").podId(TckRecords.uid()).name("bert-pretrain-worker-63").namespace("nlp")
                .version("9876543211").status("Evicted").image("nvcr.io/nvidia/pytorch:24.01-py3").jobId(TckRecords.uid())
                .replicaType("worker").resources("{\"limits\":{\"nvidia.com/gpu\":\"8\"}}").hostIp("10.1.2.3").podIp("fd00::17")
                .inEtcd(true).remark("a remark").gmtCreated(created).gmtModified(created.plusSeconds(2))
                .gmtStarted(created.plusSeconds(9)).gmtFinished(created.plusSeconds(99)).build();
        inserted(pod);
        assertThat(storedPod(pod.key(), W1)).as(W1.says("every pod column must read back unchanged")).isEqualTo(pod);
    }

    /** Required, rule {@link ContractRule#W1}: missing gmt modified is gmt created. */
    @Test
    default void required_W1_missingGmtModifiedIsGmtCreated() {
        JobRecord job = records().tfJob("mnist").toBuilder().gmtModified(null).build();
        inserted(job);
        assertThat(storedJob(job.key(), W1).gmtModified())
                .as(W1.says("an inserted job without gmtModified must store gmtCreated as gmtModified")).isEqualTo(job.gmtCreated());
        PodRecord pod = records().pod(job, "worker", 0).gmtModified(null).build();
        inserted(pod);
        assertThat(storedPod(pod.key(), W1).gmtModified())
                .as(W1.says("an inserted pod without gmtModified must store gmtCreated as gmtModified")).isEqualTo(pod.gmtCreated());
    }

    /** Required, rule {@link ContractRule#W1}: insert keeps in etcd as given. */
    @Test
    default void required_W1_insertKeepsInEtcdAsGiven() {
        JobRecord job = records().tfJob("mnist").withInEtcd(false);
        inserted(job);
        assertThat(storedJob(job.key(), W1).inEtcd()).as(W1.says("a job inserted with inEtcd=false must be stored so")).isFalse();
    }

    // W2

    /** Required, rule {@link ContractRule#W2}: newer version replaces every mutable job field. */
    @Test
    default void required_W2_newerVersionReplacesEveryMutableJobField() {
        JobRecord v1 = inserted(records().tfJob("mnist").toBuilder().remark("queued").build());
        Instant at = v1.gmtCreated().plusSeconds(60);
        JobRecord v2 = v1.toBuilder().version(records().nextVersion()).status(JobStatus.RUNNING)
                .resources("{\"Worker\":{\"replicas\":4}}").tenant(null).owner("bob").remark(null).inEtcd(true)
                .gmtModified(at).gmtRunning(at).build();
        assertThat(jobs().save(v2)).as(W2.says("a newer version must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W2))
                .as(W2.says("version, status, resources, tenant, owner, remark must be replaced (null too), gmtRunning set"))
                .isEqualTo(v2);
    }

    /** Required, rule {@link ContractRule#W2}: newer version replaces every mutable pod field. */
    @Test
    default void required_W2_newerVersionReplacesEveryMutablePodField() {
        JobRecord job = records().tfJob("mnist");
        PodRecord v1 = inserted(records().pod(job, "worker", 0).remark("pulling image").build());
        Instant at = v1.gmtCreated().plusSeconds(30);
        PodRecord v2 = v1.toBuilder().version(records().nextVersion()).status(PodStatus.RUNNING).image("registry.example.com/mnist:2.15")
                .replicaType("chief").resources(null).hostIp("10.0.0.9").podIp("172.16.0.9").remark(null)
                .gmtModified(at).gmtStarted(at).build();
        assertThat(pods().save(v2)).as(W2.says("a newer pod version must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedPod(v1.key(), W2))
                .as(W2.says("image, replicaType, resources, hostIp, podIp, remark must be replaced (null too)"))
                .isEqualTo(v2);
    }

    /** Required, rule {@link ContractRule#W2}: newer version replaces in etcd. */
    @Test
    default void required_W2_newerVersionReplacesInEtcd() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        JobRecord v2 = records().succeeded(v1).withInEtcd(false);
        assertThat(jobs().save(v2)).as(W2.says("a newer version must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W2).inEtcd()).as(W2.says("inEtcd is mutable: a newer version with inEtcd=false must store false")).isFalse();
    }

    /** Required, rule {@link ContractRule#W2}: newer times replace older times. */
    @Test
    default void required_W2_newerTimesReplaceOlderTimes() {
        JobRecord v1 = inserted(records().succeeded(records().running(records().tfJob("mnist"))));
        Instant later = v1.gmtFinished().plusSeconds(120);
        JobRecord v2 = v1.toBuilder().version(records().nextVersion()).status(JobStatus.FAILED).gmtModified(later).gmtFinished(later).build();
        assertThat(jobs().save(v2)).as(W2.says("a newer version must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W2).gmtFinished()).as(W2.says("a newer non-empty gmtFinished must replace the stored one")).isEqualTo(later);
        PodRecord p1 = inserted(records().running(records().pod(v1, "worker", 0).build()));
        Instant restarted = p1.gmtStarted().plusSeconds(90);
        PodRecord p2 = p1.toBuilder().version(records().nextVersion()).gmtStarted(restarted).build();
        assertThat(pods().save(p2)).as(W2.says("a newer pod version must answer UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedPod(p1.key(), W2).gmtStarted())
                .as(W2.says("a newer non-empty gmtStarted must replace the stored one (only a job's gmtRunning is set once)"))
                .isEqualTo(restarted);
    }

    // W3

    /** Required, rule {@link ContractRule#W3}: same job version is unchanged. */
    @Test
    default void required_W3_sameJobVersionIsUnchanged() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        JobRecord same = v1.toBuilder().status(JobStatus.RUNNING).remark("other").owner("mallory")
                .gmtModified(v1.gmtCreated().plusSeconds(99)).gmtRunning(v1.gmtCreated().plusSeconds(99)).build();
        assertThat(jobs().save(same)).as(W3.says("saving the stored version again must answer UNCHANGED")).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(storedJob(v1.key(), W3)).as(W3.says("the same version must rewrite nothing, not even gmtModified")).isEqualTo(v1);
    }

    /** Required, rule {@link ContractRule#W3}: same pod version is unchanged. */
    @Test
    default void required_W3_samePodVersionIsUnchanged() {
        JobRecord job = records().tfJob("mnist");
        PodRecord v1 = inserted(records().pod(job, "worker", 0).build());
        PodRecord same = v1.toBuilder().status(PodStatus.RUNNING).hostIp("10.9.9.9").gmtModified(v1.gmtCreated().plusSeconds(5)).build();
        assertThat(pods().save(same)).as(W3.says("saving the stored pod version again must answer UNCHANGED")).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(storedPod(v1.key(), W3)).as(W3.says("the same version must rewrite nothing")).isEqualTo(v1);
    }

    // W4

    /** Required, rule {@link ContractRule#W4}: older job version is stale. */
    @Test
    default void required_W4_olderJobVersionIsStale() {
        JobRecord v1 = records().tfJob("mnist").withVersion("1001");
        JobRecord v2 = records().running(v1).withVersion("1002");
        inserted(v2);
        assertThat(jobs().save(v1)).as(W4.says("a save with an older resourceVersion must answer STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedJob(v1.key(), W4)).as(W4.says("a save with an older resourceVersion must not change the row")).isEqualTo(v2);
    }

    /** Required, rule {@link ContractRule#W4}: older pod version is stale. */
    @Test
    default void required_W4_olderPodVersionIsStale() {
        JobRecord job = records().tfJob("mnist");
        PodRecord v1 = records().pod(job, "worker", 0).version("2001").build();
        PodRecord v2 = records().running(v1).withVersion("2002");
        inserted(v2);
        assertThat(pods().save(v1)).as(W4.says("a pod save with an older resourceVersion must answer STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedPod(v1.key(), W4)).as(W4.says("a save with an older resourceVersion must not change the row")).isEqualTo(v2);
    }

    // W5

    /** Required, rule {@link ContractRule#W5}: longer version is newer. */
    @Test
    default void required_W5_longerVersionIsNewer() {
        JobRecord v9 = inserted(records().tfJob("mnist").withVersion("9"));
        JobRecord v10 = records().running(v9).withVersion("10");
        assertThat(jobs().save(v10)).as(W5.says("version 10 is newer than 9 (longer is newer), so UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(jobs().save(v9)).as(W5.says("version 9 is older than 10, so STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedJob(v9.key(), W5).version()).isEqualTo(ResourceVersion.of("10"));
    }

    /** Required, rule {@link ContractRule#W5}: pod versions compare by length first. */
    @Test
    default void required_W5_podVersionsCompareByLengthFirst() {
        JobRecord job = records().tfJob("mnist");
        PodRecord v99 = inserted(records().pod(job, "worker", 0).version("99").build());
        PodRecord v100 = records().running(v99).withVersion("100");
        assertThat(pods().save(v100)).as(W5.says("pod version 100 is newer than 99")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(pods().save(v99.withVersion("98"))).as(W5.says("pod version 98 is older than 100")).isEqualTo(WriteOutcome.STALE);
    }

    /** Required, rule {@link ContractRule#W5}: versions beyond64 bits compare. */
    @Test
    default void required_W5_versionsBeyond64BitsCompare() {
        JobRecord v1 = inserted(records().tfJob("mnist").withVersion("18446744073709551616"));
        JobRecord v2 = records().running(v1).withVersion("18446744073709551617");
        assertThat(jobs().save(v2)).as(W5.says("20-digit versions must compare exactly (they do not fit a long)")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(jobs().save(v1.withVersion("9223372036854775807")))
                .as(W5.says("a 19-digit version is older than a 20-digit one")).isEqualTo(WriteOutcome.STALE);
        JobRecord v3 = records().succeeded(v2).withVersion("100000000000000000000000000000");
        assertThat(jobs().save(v3)).as(W5.says("a 30-digit version is newer than a 20-digit one")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W5).version()).isEqualTo(v3.version());
    }

    /** Required, rule {@link ContractRule#W5}: malformed version is refused naming the object. */
    @Test
    default void required_W5_malformedVersionIsRefusedNamingTheObject() {
        for (String bad : new String[] {"12a", "007", "-1", " 12", ""}) {
            assertThatThrownBy(() -> records().job("TFJob", "mnist").version(bad).build())
                    .as(W5.says("resourceVersion '" + bad + "' is not KEP-5504 and must be refused"))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("version");
        }
        assertThatThrownBy(() -> records().job("TFJob", "mnist").version("12a").build())
                .as(W5.says("the error must name the object")).hasMessageContaining("mnist");
        assertThat(allJobs(JobQuery.builder().build())).as(W5.says("nothing may be written")).isEmpty();
    }

    // W6

    /**
     * Required, rule {@link ContractRule#W6}: concurrent saves of one job end at the highest version.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void required_W6_concurrentSavesOfOneJobEndAtTheHighestVersion() throws Exception {
        JobRecord base = records().tfJob("mnist");
        ConcurrentSaves.Result result = ConcurrentSaves.run(8, 200, 20260302L, version -> jobs().save(base.withVersion(version)));
        assertThat(storedJob(base.key(), W6).version().value())
                .as(W6.says("after concurrent saves the row must hold the highest version " + result.highest() + " " + result))
                .isEqualTo(result.highest());
        assertThat(result.inserted()).as(W6.says("exactly one concurrent save may answer INSERTED " + result)).isEqualTo(1);
    }

    /**
     * Required, rule {@link ContractRule#W6}: concurrent saves of one pod end at the highest version.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void required_W6_concurrentSavesOfOnePodEndAtTheHighestVersion() throws Exception {
        PodRecord base = records().pod(records().tfJob("mnist"), "worker", 0).build();
        ConcurrentSaves.Result result = ConcurrentSaves.run(8, 200, 20260303L, version -> pods().save(base.withVersion(version)));
        assertThat(storedPod(base.key(), W6).version().value())
                .as(W6.says("after concurrent saves the pod row must hold the highest version " + result.highest() + " " + result))
                .isEqualTo(result.highest());
        assertThat(result.inserted()).as(W6.says("exactly one concurrent save may answer INSERTED " + result)).isEqualTo(1);
    }

    // W7

    /** Required, rule {@link ContractRule#W7}: job identity columns never change. */
    @Test
    default void required_W7_jobIdentityColumnsNeverChange() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        JobRecord v2 = records().running(v1).toBuilder().name("renamed").namespace("elsewhere").kind("PyTorchJob")
                .gmtCreated(v1.gmtCreated().plus(Duration.ofDays(1))).build();
        assertThat(jobs().save(v2)).isEqualTo(WriteOutcome.UPDATED);
        JobRecord stored = storedJob(v1.key(), W7);
        assertThat(stored.gmtCreated()).as(W7.says("gmtCreated must never change after insert")).isEqualTo(v1.gmtCreated());
        assertThat(stored.name()).as(W7.says("name must never change after insert")).isEqualTo(v1.name());
        assertThat(stored.namespace()).as(W7.says("namespace must never change after insert")).isEqualTo(v1.namespace());
        assertThat(stored.kind()).as(W7.says("kind must never change after insert")).isEqualTo(v1.kind());
        assertThat(stored.version()).as(W7.says("the newer version itself is stored")).isEqualTo(v2.version());
    }

    /** Required, rule {@link ContractRule#W7}: pod identity columns never change. */
    @Test
    default void required_W7_podIdentityColumnsNeverChange() {
        PodRecord v1 = inserted(records().pod(records().tfJob("mnist"), "worker", 0).build());
        PodRecord v2 = records().running(v1).toBuilder().name("renamed-0").namespace("elsewhere").jobId(TckRecords.uid())
                .gmtCreated(v1.gmtCreated().plusSeconds(3600)).build();
        assertThat(pods().save(v2)).isEqualTo(WriteOutcome.UPDATED);
        PodRecord stored = storedPod(v1.key(), W7);
        assertThat(stored.gmtCreated()).as(W7.says("pod gmtCreated must never change after insert")).isEqualTo(v1.gmtCreated());
        assertThat(stored.name()).as(W7.says("pod name must never change after insert")).isEqualTo(v1.name());
        assertThat(stored.namespace()).as(W7.says("pod namespace must never change after insert")).isEqualTo(v1.namespace());
        assertThat(stored.jobId()).as(W7.says("pod jobId must never change after insert")).isEqualTo(v1.jobId());
    }

    /** Required, rule {@link ContractRule#W7}: gmt modified stays while the status stays. */
    @Test
    default void required_W7_gmtModifiedStaysWhileTheStatusStays() {
        JobRecord v1 = inserted(records().running(records().tfJob("mnist")));
        JobRecord v2 = v1.toBuilder().version(records().nextVersion()).remark("progress 40%").gmtModified(v1.gmtModified().plusSeconds(300)).build();
        assertThat(jobs().save(v2)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W7).gmtModified())
                .as(W7.says("gmtModified is the last status transition: with the same status it must not move")).isEqualTo(v1.gmtModified());
        PodRecord p1 = inserted(records().running(records().pod(v1, "worker", 0).build()));
        PodRecord p2 = p1.toBuilder().version(records().nextVersion()).podIp("172.16.9.9").gmtModified(p1.gmtModified().plusSeconds(30)).build();
        assertThat(pods().save(p2)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedPod(p1.key(), W7).gmtModified())
                .as(W7.says("pod gmtModified must not move without a status change")).isEqualTo(p1.gmtModified());
    }

    /** Required, rule {@link ContractRule#W7}: gmt modified moves on a status change. */
    @Test
    default void required_W7_gmtModifiedMovesOnAStatusChange() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        JobRecord v2 = records().running(v1);
        jobs().save(v2);
        assertThat(storedJob(v1.key(), W7).gmtModified())
                .as(W7.says("a status change must store the record's gmtModified")).isEqualTo(v2.gmtModified());
    }

    /** Required, rule {@link ContractRule#W7}: status change without gmt modified stores now. */
    @Test
    default void required_W7_statusChangeWithoutGmtModifiedStoresNow() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        jobs().save(v1.toBuilder().version(records().nextVersion()).status(JobStatus.RUNNING).gmtModified(null).build());
        Instant after = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        assertThat(storedJob(v1.key(), W7).gmtModified())
                .as(W7.says("a status change without gmtModified must store the current time in UTC"))
                .isBetween(before, after);
    }

    /** Required, rule {@link ContractRule#W7}: empty job times never erase. */
    @Test
    default void required_W7_emptyJobTimesNeverErase() {
        JobRecord v1 = inserted(records().succeeded(records().running(records().tfJob("mnist"))));
        JobRecord v2 = v1.toBuilder().version(records().nextVersion()).status(JobStatus.FAILED).gmtRunning(null).gmtFinished(null).build();
        assertThat(jobs().save(v2)).isEqualTo(WriteOutcome.UPDATED);
        JobRecord stored = storedJob(v1.key(), W7);
        assertThat(stored.gmtRunning()).as(W7.says("an empty gmtRunning must never erase the stored one")).isEqualTo(v1.gmtRunning());
        assertThat(stored.gmtFinished()).as(W7.says("an empty gmtFinished must never erase the stored one")).isEqualTo(v1.gmtFinished());
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
    }

    /** Required, rule {@link ContractRule#W7}: gmt running keeps the first value. */
    @Test
    default void required_W7_gmtRunningKeepsTheFirstValue() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        JobRecord firstRun = records().running(v1);
        assertThat(jobs().save(firstRun)).as(W7.says("the first Running save is newer, so UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(v1.key(), W7).gmtRunning())
                .as(W7.says("an empty gmtRunning must be filled by the first newer non-empty one")).isEqualTo(firstRun.gmtRunning());
        Instant rerun = firstRun.gmtRunning().plusSeconds(600);
        JobRecord restarting = firstRun.toBuilder().version(records().nextVersion()).status(JobStatus.RESTARTING)
                .gmtModified(rerun.minusSeconds(5)).build();
        JobRecord runningAgain = restarting.toBuilder().version(records().nextVersion()).status(JobStatus.RUNNING)
                .gmtModified(rerun).gmtRunning(rerun).build();
        assertThat(jobs().save(restarting)).as(W7.says("the restart is newer, so UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(jobs().save(runningAgain)).as(W7.says("running again is newer, so UPDATED")).isEqualTo(WriteOutcome.UPDATED);
        JobRecord stored = storedJob(v1.key(), W7);
        assertThat(stored.gmtRunning())
                .as(W7.says("gmtRunning is when the job FIRST ran: a restart's later gmtRunning must not replace it"))
                .isEqualTo(firstRun.gmtRunning());
        assertThat(stored.gmtModified()).as(W7.says("the restart is still a status change, so gmtModified moves")).isEqualTo(rerun);
        assertThat(stored.version()).as(W7.says("the newest version is stored")).isEqualTo(runningAgain.version());

        JobRecord batched = inserted(records().tfJob("resnet"));
        JobRecord batchFirst = records().running(batched);
        JobRecord batchLater = batchFirst.toBuilder().version(records().nextVersion()).remark("rescheduled")
                .gmtRunning(batchFirst.gmtRunning().plusSeconds(300)).build();
        assertThat(jobs().saveAll(List.of(batchFirst, batchLater)))
                .as(W7.says("both batch items are newer, so UPDATED twice")).containsExactly(WriteOutcome.UPDATED, WriteOutcome.UPDATED);
        assertThat(storedJob(batched.key(), W7).gmtRunning())
                .as(W7.says("inside saveAll too, the first gmtRunning must be kept")).isEqualTo(batchFirst.gmtRunning());
    }

    /** Required, rule {@link ContractRule#W7}: empty pod times never erase. */
    @Test
    default void required_W7_emptyPodTimesNeverErase() {
        PodRecord v1 = inserted(records().succeeded(records().running(records().pod(records().tfJob("mnist"), "worker", 0).build())));
        PodRecord v2 = v1.toBuilder().version(records().nextVersion()).status(PodStatus.FAILED).gmtStarted(null).gmtFinished(null).build();
        assertThat(pods().save(v2)).isEqualTo(WriteOutcome.UPDATED);
        PodRecord stored = storedPod(v1.key(), W7);
        assertThat(stored.gmtStarted()).as(W7.says("an empty gmtStarted must never erase the stored one")).isEqualTo(v1.gmtStarted());
        assertThat(stored.gmtFinished()).as(W7.says("an empty pod gmtFinished must never erase the stored one")).isEqualTo(v1.gmtFinished());
    }

    // W8

    /** Required, rule {@link ContractRule#W8}: removed job ignores newer saves. */
    @Test
    default void required_W8_removedJobIgnoresNewerSaves() {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        jobs().markRemoved(v1.key(), v1.gmtCreated().plusSeconds(10));
        JobRecord removed = storedJob(v1.key(), W8);
        JobRecord late = records().running(v1);
        assertThat(jobs().save(late)).as(W8.says("a newer save of a removed job must answer STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(jobs().save(removed)).as(W8.says("even the stored version of a removed job answers STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedJob(v1.key(), W8)).as(W8.says("removal is terminal: the row must not be resurrected")).isEqualTo(removed);
    }

    /** Required, rule {@link ContractRule#W8}: removed pod ignores newer saves. */
    @Test
    default void required_W8_removedPodIgnoresNewerSaves() {
        PodRecord v1 = inserted(records().pod(records().tfJob("mnist"), "worker", 0).build());
        pods().markRemoved(v1.key(), v1.gmtCreated().plusSeconds(10));
        PodRecord removed = storedPod(v1.key(), W8);
        assertThat(pods().save(records().running(v1))).as(W8.says("a newer save of a removed pod must answer STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedPod(v1.key(), W8)).as(W8.says("removal is terminal: the pod must not be resurrected")).isEqualTo(removed);
    }

    /** Required, rule {@link ContractRule#W8}: row inserted as removed is terminal. */
    @Test
    default void required_W8_rowInsertedAsRemovedIsTerminal() {
        JobRecord gone = inserted(records().succeeded(records().tfJob("mnist")).withInEtcd(false));
        assertThat(jobs().save(records().running(gone).withInEtcd(true)))
                .as(W8.says("a row inserted with inEtcd=false is removed: later saves answer STALE")).isEqualTo(WriteOutcome.STALE);
        assertThat(storedJob(gone.key(), W8)).isEqualTo(gone);
    }
}
