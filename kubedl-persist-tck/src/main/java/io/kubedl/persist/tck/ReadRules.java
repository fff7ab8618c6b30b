package io.kubedl.persist.tck;

import static io.kubedl.persist.tck.ContractRule.Q1;
import static io.kubedl.persist.tck.ContractRule.Q2;
import static io.kubedl.persist.tck.ContractRule.Q4;
import static io.kubedl.persist.tck.ContractRule.Q5;
import static io.kubedl.persist.tck.ContractRule.Q6;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rules Q1, Q2, Q4, Q5, Q6: reading rows back, filters and order. */
interface ReadRules extends TckSupport {

    // Q1

    /** Required, rule {@link ContractRule#Q1}: get of an unknown identity is empty. */
    @Test
    default void required_Q1_getOfAnUnknownIdentityIsEmpty() {
        assertThat(jobs().get(JobKey.of(TckRecords.uid()))).as(Q1.says("get of an unknown job must be empty")).isEmpty();
        assertThat(pods().get(PodKey.of(TckRecords.uid()))).as(Q1.says("get of an unknown pod must be empty")).isEmpty();
        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "nothing", "TFJob")).as(Q1.says("findLatest of an unknown name must be empty")).isEmpty();
        assertThat(pods().findLatest(TckRecords.NAMESPACE, "nothing")).as(Q1.says("findLatest of an unknown pod must be empty")).isEmpty();
    }

    /** Required, rule {@link ContractRule#Q1}: find latest returns the newest created job. */
    @Test
    default void required_Q1_findLatestReturnsTheNewestCreatedJob() {
        Instant t = TckRecords.EPOCH;
        JobRecord oldest = inserted(records().tfJob("mnist").toBuilder().gmtCreated(t).gmtModified(t).build());
        JobRecord newest = inserted(records().tfJob("mnist").toBuilder().gmtCreated(t.plusSeconds(20)).gmtModified(t.plusSeconds(20)).build());
        inserted(records().tfJob("mnist").toBuilder().gmtCreated(t.plusSeconds(10)).gmtModified(t.plusSeconds(10)).build());
        inserted(records().pyTorchJob("mnist").toBuilder().gmtCreated(t.plusSeconds(30)).build());
        inserted(records().tfJob("mnist").toBuilder().namespace("other").gmtCreated(t.plusSeconds(40)).build());
        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "mnist", "TFJob"))
                .as(Q1.says("findLatest must return the newest-created TFJob of that namespace and name, not the oldest or another kind"))
                .contains(newest);
        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "mnist", "PyTorchJob").map(JobRecord::kind)).contains("PyTorchJob");
        assertThat(jobs().get(oldest.key())).as(Q1.says("get must find an older row of the same name by its identity")).contains(oldest);
    }

    /** Required, rule {@link ContractRule#Q1}: find latest returns the newest created pod. */
    @Test
    default void required_Q1_findLatestReturnsTheNewestCreatedPod() {
        JobRecord first = records().tfJob("mnist");
        JobRecord second = records().tfJob("mnist");
        inserted(records().pod(first, "worker", 0).build());
        PodRecord newest = inserted(records().pod(second, "worker", 0).build());
        assertThat(pods().findLatest(TckRecords.NAMESPACE, "mnist-worker-0"))
                .as(Q1.says("findLatest must return the newest-created pod of that name")).contains(newest);
        assertThat(pods().findLatest("other", "mnist-worker-0")).as(Q1.says("findLatest must filter by namespace")).isEmpty();
    }

    /** Required, rule {@link ContractRule#Q1}: find latest breaks ties as the listing does. */
    @Test
    default void required_Q1_findLatestBreaksTiesAsTheListingDoes() {
        Instant same = TckRecords.EPOCH.plusSeconds(700);
        for (int i = 0; i < 5; i++) {
            inserted(records().tfJob("twin").toBuilder().gmtCreated(same).gmtModified(same).remark("incarnation " + i).build());
        }
        List<JobRecord> listed = allJobs(JobQuery.builder().namespace(TckRecords.NAMESPACE).name("twin").kind("TFJob").build());
        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "twin", "TFJob"))
                .as(Q1.says("among rows created in the same second, findLatest must answer the row the listing puts first "
                        + "(the same tie-breaker, descending)"))
                .contains(listed.get(0));
        JobRecord job = records().tfJob("mnist");
        for (int i = 0; i < 5; i++) {
            inserted(records().pod(job, "worker", 0).jobId(TckRecords.uid()).gmtCreated(same).gmtModified(same).build());
        }
        List<PodRecord> pods = allPods(PodQuery.builder().name("mnist-worker-0").build());
        PodRecord newest = pods.get(pods.size() - 1);
        assertThat(pods().findLatest(TckRecords.NAMESPACE, "mnist-worker-0"))
                .as(Q1.says("among pods created in the same second, findLatest must answer the pod the listing puts last "
                        + "(pods are listed oldest first, by the same tie-breaker)"))
                .contains(newest);
    }

    // Q2

    /** Required, rule {@link ContractRule#Q2}: exact filters are case sensitive. */
    @Test
    default void required_Q2_exactFiltersAreCaseSensitive() {
        JobRecord lower = inserted(records().tfJob("mnist").toBuilder().tenant("team-a").owner("alice").build());
        JobRecord upper = inserted(records().tfJob("MNIST").toBuilder().namespace("KUBEDL-TCK").tenant("Team-A").owner("Alice")
                .kind("TfJob").build());
        expect("name 'mnist' (binary: 'MNIST' is another name)", JobQuery.builder().name("mnist"), lower);
        expect("name 'MNIST'", JobQuery.builder().name("MNIST"), upper);
        expect("name 'Mnist' matches neither", JobQuery.builder().name("Mnist"));
        expect("namespace (case-sensitive)", JobQuery.builder().namespace(TckRecords.NAMESPACE), lower);
        expect("tenant 'Team-A' (case-sensitive)", JobQuery.builder().tenant("Team-A"), upper);
        expect("owner 'alice' (case-sensitive)", JobQuery.builder().owner("alice"), lower);
        expect("kind 'TFJob' (case-sensitive)", JobQuery.builder().kind("TFJob"), lower);
        expect("nameContains 'nis' (case-sensitive)", JobQuery.builder().nameContains("nis"), lower);
        assertThat(jobs().findLatest(TckRecords.NAMESPACE, "MNIST", "TFJob"))
                .as(Q1.says("findLatest compares namespace, name and kind exactly: no row is named MNIST in that namespace")).isEmpty();
        PodRecord worker = inserted(records().pod(lower, "worker", 0).build());
        PodRecord upperWorker = inserted(records().pod(lower, "Worker", 1).build());
        expectPods("replicaType 'worker' (case-sensitive)", PodQuery.builder().replicaType("worker"), worker);
        expectPods("name (case-sensitive)", PodQuery.builder().name("mnist-Worker-1"), upperWorker);
        expectPods("name 'MNIST-worker-0' matches none", PodQuery.builder().name("MNIST-worker-0"));
    }

    /** Required, rule {@link ContractRule#Q2}: jobs are listed newest first. */
    @Test
    default void required_Q2_jobsAreListedNewestFirst() {
        List<JobRecord> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            made.add(records().tfJob("job-" + i));
        }
        List<JobRecord> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(7));
        jobs().saveAll(shuffled);
        List<JobRecord> expected = new ArrayList<>(made);
        Collections.reverse(expected);
        assertThat(jobs().list(JobQuery.builder().build()).items())
                .as(Q2.says("jobs must be listed by gmtCreated descending, whatever the insertion order")).containsExactlyElementsOf(expected);
    }

    /** Required, rule {@link ContractRule#Q2}: ties on gmt created have a total order. */
    @Test
    default void required_Q2_tiesOnGmtCreatedHaveATotalOrder() {
        Instant same = TckRecords.EPOCH.plusSeconds(500);
        List<JobRecord> twins = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            twins.add(inserted(records().tfJob("twin-" + i).toBuilder().gmtCreated(same).gmtModified(same).build()));
        }
        List<JobRecord> onePage = jobs().list(JobQuery.builder().build()).items();
        List<JobRecord> walked = allJobs(JobQuery.builder().pageSize(2).build());
        assertThat(walked).as(Q2.says("rows with equal gmtCreated need a unique tie-breaker so that pages neither skip nor repeat them"))
                .containsExactlyElementsOf(onePage);
        assertThat(walked).containsExactlyInAnyOrderElementsOf(twins);
        assertThat(jobs().list(JobQuery.builder().build()).items()).as(Q2.says("the order must be stable between listings")).isEqualTo(onePage);
    }

    /** Required, rule {@link ContractRule#Q2}: every filter selects its rows. */
    @Test
    default void required_Q2_everyFilterSelectsItsRows() {
        Instant t = TckRecords.EPOCH.plusSeconds(1000);
        JobRecord a = inserted(job("alpha", "TFJob", "ns-a", "", "t1", "alice", JobStatus.RUNNING, true, t));
        JobRecord b = inserted(job("beta", "PyTorchJob", "ns-a", "", "t1", "bob", JobStatus.SUCCEEDED, true, t.plusSeconds(10)));
        JobRecord c = inserted(job("gamma-alpha", "TFJob", "ns-b", "idc-a", "t2", "alice", JobStatus.FAILED, false, t.plusSeconds(20)));
        JobRecord d = inserted(job("delta", "TFJob", "ns-b", "idc-a", "t2", "carol", JobStatus.CREATED, true, t.plusSeconds(30)));
        expect("namespace", JobQuery.builder().namespace("ns-a"), b, a);
        expect("name (exact)", JobQuery.builder().name("alpha"), a);
        expect("nameContains", JobQuery.builder().nameContains("alph"), c, a);
        expect("kind (the Go implementation ignored it)", JobQuery.builder().kind("TFJob"), d, c, a);
        expect("statuses (any of)", JobQuery.builder().statuses(JobStatus.RUNNING, JobStatus.FAILED), c, a);
        expect("region", JobQuery.builder().region("idc-a"), d, c);
        expect("empty region", JobQuery.builder().region(""), b, a);
        expect("tenant", JobQuery.builder().tenant("t1"), b, a);
        expect("owner", JobQuery.builder().owner("alice"), c, a);
        expect("jobId", JobQuery.builder().jobId(c.jobId()), c);
        expect("inEtcd=false", JobQuery.builder().inEtcd(false), c);
        expect("inEtcd=true", JobQuery.builder().inEtcd(true), d, b, a);
        expect("createdFrom (inclusive)", JobQuery.builder().createdFrom(t.plusSeconds(10)), d, c, b);
        expect("createdTo (exclusive)", JobQuery.builder().createdTo(t.plusSeconds(20)), b, a);
        expect("createdFrom..createdTo", JobQuery.builder().createdFrom(t.plusSeconds(10)).createdTo(t.plusSeconds(30)), c, b);
        expect("several filters ANDed", JobQuery.builder().kind("TFJob").owner("alice").inEtcd(true), a);
        expect("no match", JobQuery.builder().kind("MPIJob"));
    }

    private JobRecord job(String name, String kind, String namespace, String region, String tenant, String owner, JobStatus status,
            boolean inEtcd, Instant created) {
        return JobRecord.builder().region(region).jobId(TckRecords.uid()).name(name).namespace(namespace).kind(kind)
                .version(records().nextVersion()).status(status).tenant(tenant).owner(owner).inEtcd(inEtcd)
                .gmtCreated(created).gmtModified(created).build();
    }

    private void expect(String filter, JobQuery.Builder query, JobRecord... expected) {
        List<JobRecord> listed = allJobs(query.build());
        assertThat(listed).as(Q2.says("filter " + filter + " must select exactly these rows, newest first"))
                .containsExactly(expected);
        assertJobCount(query.build(), listed.size(), filter);
    }

    // Q4

    /** Required, rule {@link ContractRule#Q4}: pods are ordered by type then numeric index. */
    @Test
    default void required_Q4_podsAreOrderedByTypeThenNumericIndex() {
        JobRecord job = records().tfJob("mnist");
        List<PodRecord> expected = new ArrayList<>();
        expected.add(records().pod(job, "x", 0).replicaType(null).name("mnist-launcher").build());
        expected.add(records().pod(job, "chief", 0).build());
        expected.add(records().pod(job, "ps", 1).build());
        expected.add(records().pod(job, "worker", 0).name("mnist-worker-evaluator").build());
        for (int i = 0; i < 12; i++) {
            expected.add(records().pod(job, "worker", i).build());
        }
        List<PodRecord> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(11));
        pods().saveAll(shuffled);
        assertThat(podNames(pods().list(PodQuery.ofJob(job.jobId())).items()))
                .as(Q4.says("pods must be ordered by replicaType (null first), then numeric replica index (worker-10 after worker-9; no index first)"))
                .containsExactlyElementsOf(podNames(expected));
    }

    /** Required, rule {@link ContractRule#Q4}: same index is ordered by gmt created. */
    @Test
    default void required_Q4_sameIndexIsOrderedByGmtCreated() {
        JobRecord first = records().tfJob("mnist");
        JobRecord second = records().tfJob("mnist");
        PodRecord older = records().pod(first, "worker", 0).jobId("shared-job").build();
        PodRecord newer = records().pod(second, "worker", 0).jobId("shared-job").build();
        pods().saveAll(List.of(newer, older));
        assertThat(pods().list(PodQuery.ofJob("shared-job")).items())
                .as(Q4.says("pods of equal type and index are ordered by gmtCreated ascending")).containsExactly(older, newer);
    }

    /** Required, rule {@link ContractRule#Q4}: every pod filter selects its rows. */
    @Test
    default void required_Q4_everyPodFilterSelectsItsRows() {
        JobRecord job = records().tfJob("mnist");
        JobRecord other = records().pyTorchJob("bert");
        PodRecord w0 = inserted(records().pod(job, "worker", 0).build());
        PodRecord w1 = inserted(records().running(records().pod(job, "worker", 1).build()));
        PodRecord ps = inserted(records().pod(job, "ps", 0).inEtcd(false).status(PodStatus.FAILED).build());
        PodRecord m0 = inserted(records().pod(other, "master", 0).namespace("nlp").region("idc-a").build());
        expectPods("jobId", PodQuery.builder().jobId(job.jobId()), ps, w0, w1);
        expectPods("namespace", PodQuery.builder().namespace("nlp"), m0);
        expectPods("name", PodQuery.builder().name("mnist-worker-1"), w1);
        expectPods("replicaType", PodQuery.builder().replicaType("worker"), w0, w1);
        expectPods("statuses", PodQuery.builder().statuses(PodStatus.RUNNING, PodStatus.FAILED), ps, w1);
        expectPods("region", PodQuery.builder().region("idc-a"), m0);
        expectPods("inEtcd=false", PodQuery.builder().inEtcd(false), ps);
        expectPods("several filters ANDed", PodQuery.builder().jobId(job.jobId()).replicaType("worker").statuses(PodStatus.PENDING), w0);
    }

    private void expectPods(String filter, PodQuery.Builder query, PodRecord... expected) {
        List<PodRecord> listed = allPods(query.build());
        assertThat(listed).as(Q4.says("pod filter " + filter + " must select exactly these rows, in pod order"))
                .containsExactly(expected);
        assertPodCount(query.build(), listed.size(), filter);
    }

    // Q5

    /**
     * Required, rule {@link ContractRule#Q5}: a completed save is visible to the next read.
     *
     * @throws Exception when the store under test fails unexpectedly
     */
    @Test
    default void required_Q5_aCompletedSaveIsVisibleToTheNextRead() throws Exception {
        JobRecord v1 = inserted(records().tfJob("mnist"));
        assertThat(jobs().get(v1.key())).contains(v1);
        assertThat(jobs().list(JobQuery.builder().name("mnist").build()).items()).containsExactly(v1);
        JobRecord v2 = records().running(v1);
        jobs().save(v2);
        assertThat(jobs().get(v1.key())).as(Q5.says("get after a completed save must see the new version")).contains(v2);
        assertThat(jobs().findLatest(v1.namespace(), v1.name(), v1.kind())).as(Q5.says("findLatest must see it")).contains(v2);
        assertThat(jobs().list(JobQuery.builder().name("mnist").build()).items()).as(Q5.says("list must see it")).containsExactly(v2);
        Optional<JobRecord> fromAnotherThread = CompletableFuture.supplyAsync(() -> jobs().get(v1.key())).get();
        assertThat(fromAnotherThread).as(Q5.says("another thread must see it too")).contains(v2);
        PodRecord p1 = inserted(records().pod(v1, "worker", 0).build());
        assertThat(pods().get(p1.key())).contains(p1);
        PodRecord p2 = records().running(p1);
        pods().save(p2);
        assertThat(pods().get(p1.key())).as(Q5.says("pod get after a completed save must see the new version")).contains(p2);
        assertThat(pods().list(PodQuery.ofJob(v1.jobId())).items()).as(Q5.says("pod list must see it")).containsExactly(p2);
    }

    // Q6

    /** Required, rule {@link ContractRule#Q6}: name contains matches wildcards literally. */
    @Test
    default void required_Q6_nameContainsMatchesWildcardsLiterally() {
        for (String name : List.of("ab%cd", "abxcd", "a_b", "axb", "back\\slash", "backslash", "it's", "its", "say \"hi\"")) {
            inserted(records().tfJob(name));
        }
        expectNames("%", "ab%cd");
        expectNames("b%c", "ab%cd");
        expectNames("_", "a_b");
        expectNames("a_b", "a_b");
        expectNames("\\", "back\\slash");
        expectNames("k\\s", "back\\slash");
        expectNames("'", "it's");
        expectNames("\"hi\"", "say \"hi\"");
        expectNames("x", "abxcd", "axb");
    }

    private void expectNames(String contains, String... expected) {
        JobQuery query = JobQuery.builder().nameContains(contains).build();
        List<String> listed = names(allJobs(query));
        assertThat(listed).as(Q6.says("nameContains '" + contains + "' must match its characters literally"))
                .containsExactlyInAnyOrder(expected);
        assertJobCount(query, listed.size(), "nameContains '" + contains + "'");
    }
}
