package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.D1;
import static io.kubedl.persist.tck.ContractRule.D2;
import static io.kubedl.persist.tck.ContractRule.I1;
import static io.kubedl.persist.tck.ContractRule.Q3;
import static io.kubedl.persist.tck.ContractRule.W2;
import static io.kubedl.persist.tck.ContractRule.W5;
import static io.kubedl.persist.tck.ContractRule.W6;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scenarios across rules, as a controller drives a store: a whole job lifecycle,
 * delete and re-create, shuffled version sequences, concurrent writers, and paging
 * while rows are inserted.
 *
 * <p>The shuffled sequences use a seeded {@link Random}, not a property-testing
 * engine: a TCK jar must run under whatever JUnit setup its user has, and a seed in
 * the failure message is all it takes to replay a failure
 * ({@code -Dkubedl.tck.seed=<seed>}).
 */
interface ScenarioTests extends TckSupport {

    /** System property that fixes the seed of the shuffled-version scenario. */
    String SEED_PROPERTY = "kubedl.tck.seed";

    /** Required, rule {@link ContractRule#W2}: d1 d2 whole lifecycle of a job with its pods. */
    @Test
    default void required_W2_D1_D2_wholeLifecycleOfAJobWithItsPods() {
        TckRecords r = records();
        JobRecord created = inserted(r.tfJob("mnist"));
        List<PodRecord> pods = new ArrayList<>(r.workers(created, 3));
        pods.add(r.pod(created, "ps", 0).build());
        assertThat(pods().saveAll(pods)).containsOnly(WriteOutcome.INSERTED);
        List<PodRecord> running = pods.stream().map(r::running).toList();
        assertThat(pods().saveAll(running)).as(W2.says("pods moving to Running must be UPDATED")).containsOnly(WriteOutcome.UPDATED);
        JobRecord jobRunning = r.running(created);
        assertThat(jobs().save(jobRunning)).isEqualTo(WriteOutcome.UPDATED);
        List<PodRecord> done = running.stream().map(r::succeeded).toList();
        pods().saveAll(done);
        JobRecord jobDone = r.succeeded(jobRunning);
        jobs().save(jobDone);
        JobRecord stored = storedJob(created.key(), W2);
        assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(stored.gmtRunning()).as(W2.says("the first running time survives the later saves")).isEqualTo(jobRunning.gmtRunning());
        assertThat(stored.gmtFinished()).isEqualTo(jobDone.gmtFinished());
        assertThat(allPods(PodQuery.ofJob(created.jobId()))).as(W2.says("the job's pods in pod order, all Succeeded"))
                .extracting(PodRecord::name).containsExactly("mnist-ps-0", "mnist-worker-0", "mnist-worker-1", "mnist-worker-2");
        assertThat(allPods(PodQuery.ofJob(created.jobId()))).extracting(PodRecord::status).containsOnly(PodStatus.SUCCEEDED);

        Instant gone = jobDone.gmtFinished().plusSeconds(3600);
        for (PodRecord pod : done) {
            assertThat(pods().markRemoved(pod.key(), gone)).as(D1.says("terminal pods are marked removed")).isEqualTo(WriteOutcome.UPDATED);
        }
        assertThat(jobs().markRemoved(created.key(), gone)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(storedJob(created.key(), D1)).as(D1.says("a finished job keeps Succeeded when removed")).isEqualTo(jobDone.withInEtcd(false));
        assertThat(jobs().list(JobQuery.builder().inEtcd(false).build()).items()).containsExactly(jobDone.withInEtcd(false));
        assertThat(jobs().delete(created.key())).isTrue();
        assertThat(allPods(PodQuery.builder().build())).as(D2.says("deleting the job deletes its pods")).isEmpty();
        assertThat(allJobs(JobQuery.builder().build())).isEmpty();
    }

    /** Required, rule {@link ContractRule#I1}: q1 delete and recreate under the same name keeps history. */
    @Test
    default void required_I1_Q1_deleteAndRecreateUnderTheSameNameKeepsHistory() {
        TckRecords r = records();
        JobRecord first = inserted(r.tfJob("nightly-train"));
        pods().saveAll(r.workers(first, 2));
        JobRecord firstRunning = r.running(first);
        jobs().save(firstRunning);
        Instant deletedAt = firstRunning.gmtRunning().plusSeconds(60);
        jobs().markRemoved(first.key(), deletedAt);
        for (PodRecord pod : allPods(PodQuery.ofJob(first.jobId()))) {
            pods().markRemoved(pod.key(), deletedAt);
        }
        JobRecord second = inserted(r.tfJob("nightly-train"));
        pods().saveAll(r.workers(second, 2));

        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "nightly-train", "TFJob"))
                .as(I1.says("findLatest must return the re-created job")).contains(second);
        List<JobRecord> history = allJobs(JobQuery.builder().name("nightly-train").build());
        assertThat(history).as(I1.says("both incarnations must be kept, newest first")).extracting(JobRecord::jobId)
                .containsExactly(second.jobId(), first.jobId());
        assertThat(history.get(1).status()).as(D1.says("the first incarnation was stopped when removed")).isEqualTo(JobStatus.STOPPED);
        assertThat(allPods(PodQuery.ofJob(first.jobId()))).as(I1.says("the old job's pods stay with the old UID"))
                .hasSize(2).allMatch(p -> !p.inEtcd());
        assertThat(allPods(PodQuery.ofJob(second.jobId()))).hasSize(2).allMatch(PodRecord::inEtcd);
        assertThat(pods().findLatest(TckRecords.NAMESPACE, "nightly-train-worker-1").map(PodRecord::jobId)).contains(second.jobId());
    }

    /** Required, rule {@link ContractRule#W4}: w5 shuffled version sequences end at the highest. */
    @Test
    default void required_W4_W5_shuffledVersionSequencesEndAtTheHighest() {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        Random random = new Random(seed);
        String replay = " [seed " + seed + "; replay with -D" + SEED_PROPERTY + "=" + seed + "]";
        for (int trial = 0; trial < 40; trial++) {
            List<String> versions = randomVersions(random);
            JobRecord base = records().tfJob("shuffle-" + trial);
            boolean batch = random.nextBoolean();
            List<WriteOutcome> expected = expectedOutcomes(versions);
            List<WriteOutcome> actual = new ArrayList<>();
            List<JobRecord> sequence = versions.stream().map(v -> base.withVersion(v).withStatus(statusFor(v))).toList();
            if (batch) {
                actual.addAll(jobs().saveAll(sequence));
            } else {
                sequence.forEach(job -> actual.add(jobs().save(job)));
            }
            String what = (batch ? "saveAll" : "save one by one") + " of versions " + versions + replay;
            assertThat(actual).as(W5.says("outcomes of " + what)).containsExactlyElementsOf(expected);
            String highest = versions.stream().map(ResourceVersion::of).max(ResourceVersion::compareTo).orElseThrow().value();
            assertThat(storedJob(base.key(), W5).version().value()).as(W5.says("the row must end at the highest version of " + what))
                    .isEqualTo(highest);
            assertThat(storedJob(base.key(), W5).status()).as(W5.says("the row must hold the state of the highest version of " + what))
                    .isEqualTo(statusFor(highest));
        }
    }

    private static JobStatus statusFor(String version) {
        return List.of(JobStatus.CREATED, JobStatus.RUNNING, JobStatus.RESTARTING, JobStatus.SUCCEEDED)
                .get(Math.floorMod(version.hashCode(), 4));
    }

    /** Versions of mixed lengths, some repeated, some beyond 64 bits, in random order. */
    private static List<String> randomVersions(Random random) {
        List<String> versions = new ArrayList<>();
        int count = 2 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            int digits = 1 + random.nextInt(random.nextInt(10) == 0 ? 24 : 6);
            StringBuilder v = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            for (int d = 1; d < digits; d++) {
                v.append((char) ('0' + random.nextInt(10)));
            }
            versions.add(v.toString());
            if (random.nextInt(4) == 0) {
                versions.add(v.toString());
            }
        }
        Collections.shuffle(versions, random);
        return versions;
    }

    /** The outcomes the contract prescribes for saving these versions of one new identity in order. */
    private static List<WriteOutcome> expectedOutcomes(List<String> versions) {
        List<WriteOutcome> outcomes = new ArrayList<>();
        ResourceVersion stored = null;
        for (String v : versions) {
            ResourceVersion version = ResourceVersion.of(v);
            if (stored == null) {
                outcomes.add(WriteOutcome.INSERTED);
                stored = version;
            } else if (version.isNewerThan(stored)) {
                outcomes.add(WriteOutcome.UPDATED);
                stored = version;
            } else if (version.equals(stored)) {
                outcomes.add(WriteOutcome.UNCHANGED);
            } else {
                outcomes.add(WriteOutcome.STALE);
            }
        }
        return outcomes;
    }

    /**
     * Required, rule {@link ContractRule#W6}: i2 concurrent writers end at the highest version with one row each.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void required_W6_I2_concurrentWritersEndAtTheHighestVersionWithOneRowEach() throws Exception {
        List<JobRecord> bases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bases.add(records().tfJob("race-" + i));
        }
        PodRecord podBase = records().pod(bases.get(0), "worker", 0).build();
        for (int round = 0; round < bases.size(); round++) {
            JobRecord base = bases.get(round);
            ConcurrentSaves.Result result = ConcurrentSaves.run(8, 160, 42L + round,
                    version -> jobs().save(base.withVersion(version).withStatus(statusFor(version))));
            JobRecord stored = storedJob(base.key(), W6);
            assertThat(stored.version().value()).as(W6.says("8 racing writers: the row must end at version " + result.highest() + " " + result))
                    .isEqualTo(result.highest());
            assertThat(stored.status()).as(W6.says("the row must hold the state of the highest version " + result)).isEqualTo(statusFor(result.highest()));
            assertThat(result.inserted()).as(ContractRule.I2.says("exactly one racing save may insert " + result)).isEqualTo(1);
        }
        ConcurrentSaves.Result pods = ConcurrentSaves.run(8, 160, 99L, version -> pods().save(podBase.withVersion(version)));
        assertThat(storedPod(podBase.key(), W6).version().value()).as(W6.says("racing pod writers " + pods)).isEqualTo(pods.highest());
        assertThat(allJobs(JobQuery.builder().build())).as(ContractRule.I2.says("exactly one row per identity after the race"))
                .extracting(JobRecord::jobId).containsExactlyInAnyOrderElementsOf(bases.stream().map(JobRecord::jobId).toList());
        assertThat(allPods(PodQuery.builder().build())).as(ContractRule.I2.says("exactly one pod row after the race")).hasSize(1);
    }

    /** Required, rule {@link ContractRule#Q3}: walking pages while inserting returns every existing row once. */
    @Test
    default void required_Q3_walkingPagesWhileInsertingReturnsEveryExistingRowOnce() {
        TckRecords r = records();
        List<JobRecord> existing = new ArrayList<>();
        Instant t = TckRecords.EPOCH.plusSeconds(10_000);
        for (int i = 0; i < 40; i++) {
            // pairs share a gmtCreated, so the tie-breaker matters at page boundaries
            Instant created = t.plusSeconds(i / 2);
            existing.add(r.tfJob("existing-" + i).toBuilder().gmtCreated(created).gmtModified(created).build());
        }
        jobs().saveAll(existing);
        JobQuery query = JobQuery.builder().pageSize(7).build();
        List<JobRecord> seen = new ArrayList<>();
        Page<JobRecord> page = jobs().list(query);
        int inserts = 0;
        while (true) {
            seen.addAll(page.items());
            // newer, same-time and older rows appear while the walk goes on
            for (Instant created : List.of(t.plusSeconds(1_000 + inserts), t.plusSeconds(inserts % 20), t.minusSeconds(100 + inserts))) {
                jobs().save(r.tfJob("new-" + inserts).toBuilder().gmtCreated(created).gmtModified(created).build());
                inserts++;
            }
            if (!page.hasNext()) {
                break;
            }
            page = jobs().list(query.nextPage(page.nextPageToken()));
        }
        Set<String> seenIds = new HashSet<>();
        for (JobRecord job : seen) {
            assertThat(seenIds.add(job.jobId())).as(Q3.says("row " + job.name() + " was returned twice while walking pages")).isTrue();
        }
        assertThat(seenIds).as(Q3.says("every row that existed when the walk started must be returned exactly once"))
                .containsAll(existing.stream().map(JobRecord::jobId).toList());

        JobRecord job = r.tfJob("pods-walk");
        pods().saveAll(r.workers(job, 20));
        List<String> podsAtStart = allPods(PodQuery.ofJob(job.jobId())).stream().map(PodRecord::podId).toList();
        PodQuery podQuery = PodQuery.builder().jobId(job.jobId()).pageSize(3).build();
        List<String> podsSeen = new ArrayList<>();
        Page<PodRecord> podPage = pods().list(podQuery);
        int more = 20;
        while (true) {
            podPage.items().forEach(p -> podsSeen.add(p.podId()));
            pods().save(r.pod(job, "worker", more++).build());
            pods().save(r.pod(job, "chief", more++).build());
            if (!podPage.hasNext()) {
                break;
            }
            podPage = pods().list(podQuery.nextPage(podPage.nextPageToken()));
        }
        assertThat(new HashSet<>(podsSeen)).as(Q3.says("no pod may be returned twice while walking pages")).hasSize(podsSeen.size());
        assertThat(podsSeen).as(Q3.says("every pod that existed when the walk started must be returned once")).containsAll(podsAtStart);
    }
}
