package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.T0;
import static io.kubedl.persist.mysql.Fixtures.job;
import static io.kubedl.persist.mysql.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** D1..D4 on the real server. */
class MySqlRemovalRulesTest extends StoreOnFreshDatabaseTest {
    private static final Instant AT = T0.plusSeconds(3600);
    @Override
    MetaStore openStore(TestDatabase database) {
        return MySqlTestStores.open(database, b -> b.option(MySqlSettings.PURGE_BATCH_SIZE, "7"));
    }

    @Test
    void i1_aKeyWithATrailingSpaceIsAnotherIdentityEvenUnderPadSpaceCollations() {
        JobRecord job = job("uid-pad", "1", JobStatus.RUNNING).toBuilder().region("eu").build();
        PodRecord pod = pod("pod-pad", "uid-pad", "w-0", "1", PodStatus.RUNNING).toBuilder().region("eu").build();
        store.jobs().save(job);
        store.pods().save(pod);
        JobKey padded = new JobKey("eu", "uid-pad ");
        PodKey paddedPod = new PodKey("eu ", "pod-pad");
        assertThat(store.jobs().get(padded)).isEmpty();
        assertThat(store.pods().get(paddedPod)).isEmpty();
        assertThat(store.jobs().markRemoved(padded, AT)).isEqualTo(WriteOutcome.NOT_FOUND);
        assertThat(store.pods().markRemoved(paddedPod, AT)).isEqualTo(WriteOutcome.NOT_FOUND);
        assertThat(store.jobs().delete(padded)).isFalse();
        // D3 with a padded region or kind reconciles nothing of "eu" / "TFJob"
        assertThat(store.jobs().reconcile("eu ", Set.of("TFJob"), Set.of(), AT)).isZero();
        assertThat(store.jobs().reconcile("eu", Set.of("TFJob "), Set.of(), AT)).isZero();
        assertThat(store.pods().reconcile("eu ", Set.of(), AT)).isZero();
        assertThat(store.jobs().findLatest("default", "job-uid-pad ", "TFJob")).isEmpty();
        assertThat(store.jobs().get(job.key())).contains(job.toBuilder().gmtModified(T0).build());
        assertThat(store.pods().get(pod.key()).orElseThrow().inEtcd()).isTrue();
    }

    @Test
    void d1_unfinishedJobBecomesStoppedAtTheRemovalTime() {
        store.jobs().save(job("a", "5", JobStatus.RUNNING));
        assertThat(store.jobs().markRemoved(JobKey.of("a"), AT)).isEqualTo(WriteOutcome.UPDATED);
        JobRecord stored = store.jobs().get(JobKey.of("a")).orElseThrow();
        assertThat(stored.inEtcd()).isFalse();
        assertThat(stored.status()).isEqualTo(JobStatus.STOPPED);
        assertThat(stored.gmtFinished()).isEqualTo(AT);
        assertThat(stored.gmtModified()).isEqualTo(AT);
        assertThat(stored.version().value()).isEqualTo("5");
        assertThat(store.jobs().markRemoved(JobKey.of("a"), AT.plusSeconds(5))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow()).isEqualTo(stored);
        assertThat(store.jobs().markRemoved(JobKey.of("nobody"), AT)).isEqualTo(WriteOutcome.NOT_FOUND);
    }

    @Test
    void d1_finishedPodKeepsItsStatusAndFinishTime() {
        Instant finished = T0.plusSeconds(100);
        store.pods().save(pod("p", "j", "w-0", "5", PodStatus.SUCCEEDED).toBuilder().gmtFinished(finished).build());
        store.pods().save(pod("q", "j", "w-1", "5", PodStatus.FAILED));
        assertThat(store.pods().markRemoved(PodKey.of("p"), AT)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(store.pods().markRemoved(PodKey.of("q"), AT)).isEqualTo(WriteOutcome.UPDATED);
        PodRecord p = store.pods().get(PodKey.of("p")).orElseThrow();
        assertThat(p.status()).isEqualTo(PodStatus.SUCCEEDED);
        assertThat(p.gmtFinished()).isEqualTo(finished);
        assertThat(p.gmtModified()).isEqualTo(T0);
        PodRecord q = store.pods().get(PodKey.of("q")).orElseThrow();
        assertThat(q.status()).isEqualTo(PodStatus.FAILED);
        assertThat(q.gmtFinished()).isEqualTo(AT);
        assertThat(q.inEtcd()).isFalse();
    }

    @Test
    void d1_jobRemovalDoesNotTouchItsPods() {
        store.jobs().save(job("j", "5", JobStatus.RUNNING));
        store.pods().save(pod("p", "j", "w-0", "5", PodStatus.RUNNING));
        store.jobs().markRemoved(JobKey.of("j"), AT);
        assertThat(store.pods().get(PodKey.of("p")).orElseThrow().inEtcd()).isTrue();
    }

    @Test
    void d2_deleteRefusesRowsInEtcdAndTakesAJobsPods() {
        store.jobs().save(job("j", "5", JobStatus.RUNNING));
        store.pods().save(pod("p", "j", "w-0", "5", PodStatus.RUNNING));
        store.pods().save(pod("other", "k", "w-0", "5", PodStatus.RUNNING));
        assertThatThrownBy(() -> store.jobs().delete(JobKey.of("j"))).isInstanceOf(StillInEtcdException.class)
                .hasMessageContaining("mark it removed first");
        store.jobs().markRemoved(JobKey.of("j"), AT);
        assertThat(store.jobs().delete(JobKey.of("j"))).isTrue();
        assertThat(store.jobs().get(JobKey.of("j"))).isEmpty();
        assertThat(store.pods().get(PodKey.of("p"))).isEmpty();
        assertThat(store.pods().get(PodKey.of("other"))).isPresent();
        assertThat(store.jobs().delete(JobKey.of("j"))).isFalse();
        assertThatThrownBy(() -> store.pods().delete(PodKey.of("other"))).isInstanceOf(StillInEtcdException.class);
    }

    @Test
    void d3_reconcileMarksRemovedWhatIsNotLiveInTheRegionAndKinds() {
        store.jobs().save(job("live", "1", JobStatus.RUNNING));
        store.jobs().save(job("gone", "1", JobStatus.RUNNING));
        store.jobs().save(job("done", "1", JobStatus.SUCCEEDED));
        store.jobs().save(job("pytorch", "1", JobStatus.RUNNING).toBuilder().kind("PyTorchJob").build());
        store.jobs().save(job("elsewhere", "1", JobStatus.RUNNING).toBuilder().region("eu").build());
        int marked = store.jobs().reconcile("", Set.of("TFJob"), Set.of("live"), AT);
        assertThat(marked).isEqualTo(2);
        assertThat(store.jobs().get(JobKey.of("gone")).orElseThrow().status()).isEqualTo(JobStatus.STOPPED);
        assertThat(store.jobs().get(JobKey.of("done")).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(store.jobs().get(JobKey.of("live")).orElseThrow().inEtcd()).isTrue();
        assertThat(store.jobs().get(JobKey.of("pytorch")).orElseThrow().inEtcd()).isTrue();
        assertThat(store.jobs().get(new JobKey("eu", "elsewhere")).orElseThrow().inEtcd()).isTrue();
        assertThat(store.jobs().reconcile("", Set.of("TFJob"), Set.of("live"), AT)).isZero();
        assertThatThrownBy(() -> store.jobs().reconcile("", Set.of(), Set.of(), AT))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("kinds"));
    }

    @Test
    void d3_podReconcileHandlesLargeLiveSets() {
        List<PodRecord> pods = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (int i = 0; i < 1500; i++) {
            pods.add(pod("p" + i, "j", "w-" + i, "1", PodStatus.RUNNING));
            if (i % 3 != 0) {
                live.add("p" + i);
            }
        }
        for (int i = 0; i < 5000; i++) {
            live.add("unknown-" + i);
        }
        store.pods().saveAll(pods);
        assertThat(store.pods().reconcile("", live, AT)).isEqualTo(500);
        assertThat(store.pods().count(PodQuery.builder().inEtcd(false).build())).isEqualTo(500);
    }

    @Test
    void d4_purgeDeletesOnlyRemovedRowsFinishedBeforeInBoundedBatches() {
        for (int i = 0; i < 20; i++) {
            store.jobs().save(job("old" + i, "1", JobStatus.RUNNING));
            store.pods().save(pod("pod-old" + i, "old" + i, "w-0", "1", PodStatus.RUNNING));
            store.jobs().markRemoved(JobKey.of("old" + i), AT);
        }
        store.jobs().save(job("recent", "1", JobStatus.RUNNING));
        store.jobs().markRemoved(JobKey.of("recent"), AT.plusSeconds(86_400));
        store.jobs().save(job("live", "1", JobStatus.SUCCEEDED).toBuilder().gmtFinished(T0).build());
        store.pods().save(pod("removed-pod", "x", "w-0", "1", PodStatus.RUNNING));
        store.pods().markRemoved(PodKey.of("removed-pod"), AT);

        assertThat(store.jobs().purge(AT.plusSeconds(1))).isEqualTo(20);
        assertThat(store.jobs().count(JobQuery.builder().build())).isEqualTo(2);
        assertThat(store.pods().count(PodQuery.builder().build())).as("a purged job takes its pods").isEqualTo(1);
        assertThat(store.pods().purge(AT)).as("finished AT is not before AT").isZero();
        assertThat(store.pods().purge(AT.plusSeconds(1))).isEqualTo(1);
        assertThat(store.jobs().purge(Instant.parse("9999-01-01T00:00:00Z"))).isEqualTo(1);
        assertThat(store.jobs().get(JobKey.of("live"))).as("rows in etcd are never purged").isPresent();
    }
}
