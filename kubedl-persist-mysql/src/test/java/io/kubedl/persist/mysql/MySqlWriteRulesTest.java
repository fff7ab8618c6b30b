package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.T0;
import static io.kubedl.persist.mysql.Fixtures.job;
import static io.kubedl.persist.mysql.Fixtures.pod;
import static io.kubedl.persist.model.WriteOutcome.INSERTED;
import static io.kubedl.persist.model.WriteOutcome.STALE;
import static io.kubedl.persist.model.WriteOutcome.UNCHANGED;
import static io.kubedl.persist.model.WriteOutcome.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.ValueTooLongException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** W1..W8, B1 and V1..V3 on the real server, down to the stored columns. */
class MySqlWriteRulesTest extends StoreOnFreshDatabaseTest {
    @Test
    void w1_unknownIdentityIsInsertedWithGmtModifiedDefaultingToCreation() {
        assertThat(store.jobs().save(job("a", "5", JobStatus.CREATED))).isEqualTo(INSERTED);
        JobRecord stored = store.jobs().get(JobKey.of("a")).orElseThrow();
        assertThat(stored).isEqualTo(job("a", "5", JobStatus.CREATED).toBuilder().gmtModified(T0).build());
    }

    @Test
    void w2_newerVersionReplacesEveryMutableField() {
        store.jobs().save(job("a", "5", JobStatus.CREATED).toBuilder().tenant("t1").owner("o1").remark("r1").resources("{}").build());
        JobRecord newer = job("a", "6", JobStatus.RUNNING).toBuilder().tenant("t2").owner(null).remark(null)
                .resources("{\"x\":1}").gmtModified(T0.plusSeconds(9)).build();
        assertThat(store.jobs().save(newer)).isEqualTo(UPDATED);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow()).isEqualTo(newer);
    }

    @Test
    void w3_sameVersionIsUnchangedAndRewritesNothing() throws SQLException {
        store.jobs().save(job("a", "5", JobStatus.CREATED));
        String before = rawRow("a");
        assertThat(store.jobs().save(job("a", "5", JobStatus.FAILED).toBuilder().remark("other").build())).isEqualTo(UNCHANGED);
        assertThat(rawRow("a")).isEqualTo(before);
    }

    @Test
    void w4_olderVersionIsStale() {
        store.jobs().save(job("a", "6", JobStatus.RUNNING));
        assertThat(store.jobs().save(job("a", "5", JobStatus.FAILED))).isEqualTo(STALE);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void w5_versionsCompareAsKep5504NotAsStrings() {
        store.jobs().save(job("a", "9", JobStatus.CREATED));
        assertThat(store.jobs().save(job("a", "10", JobStatus.RUNNING))).isEqualTo(UPDATED);
        assertThat(store.jobs().save(job("a", "9", JobStatus.FAILED))).isEqualTo(STALE);
        String big = "123456789012345678901234567890";
        assertThat(store.jobs().save(job("a", big, JobStatus.RUNNING))).isEqualTo(UPDATED);
        assertThat(store.jobs().save(job("a", "123456789012345678901234567889", JobStatus.FAILED))).isEqualTo(STALE);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().version().value()).isEqualTo(big);
        assertThatThrownBy(() -> job("b", "007", JobStatus.CREATED)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("version").hasMessageContaining("job default/job-b");
    }

    @Test
    void w7_identityFieldsNeverChangeAndTimestampsAreNeverErased() {
        Instant running = T0.plusSeconds(60);
        store.jobs().save(job("a", "5", JobStatus.RUNNING).toBuilder().gmtRunning(running).build());
        JobRecord renamed = job("a", "6", JobStatus.RUNNING).toBuilder().name("other").namespace("ns2").kind("PyTorchJob")
                .gmtCreated(T0.plusSeconds(1000)).gmtRunning(null).gmtModified(T0.plusSeconds(999)).build();
        assertThat(store.jobs().save(renamed)).isEqualTo(UPDATED);
        JobRecord stored = store.jobs().get(JobKey.of("a")).orElseThrow();
        assertThat(stored.name()).isEqualTo("job-a");
        assertThat(stored.namespace()).isEqualTo("default");
        assertThat(stored.kind()).isEqualTo("TFJob");
        assertThat(stored.gmtCreated()).isEqualTo(T0);
        assertThat(stored.gmtRunning()).isEqualTo(running);
        assertThat(stored.gmtModified()).as("same status: gmt_modified stays").isEqualTo(T0);
    }

    @Test
    void w7_gmtRunningKeepsTheFirstValue() {
        Instant first = T0.plusSeconds(60);
        Instant rerun = T0.plusSeconds(900);
        store.jobs().save(job("a", "5", JobStatus.CREATED));
        assertThat(store.jobs().save(job("a", "6", JobStatus.RUNNING).toBuilder().gmtRunning(first).build())).isEqualTo(UPDATED);
        assertThat(store.jobs().save(job("a", "7", JobStatus.RESTARTING).toBuilder().gmtRunning(first).build())).isEqualTo(UPDATED);
        assertThat(store.jobs().save(job("a", "8", JobStatus.RUNNING).toBuilder().gmtRunning(rerun)
                .gmtFinished(T0.plusSeconds(1000)).gmtModified(rerun).build())).isEqualTo(UPDATED);
        JobRecord stored = store.jobs().get(JobKey.of("a")).orElseThrow();
        assertThat(stored.gmtRunning()).as("set once: a restart's later time does not replace it").isEqualTo(first);
        assertThat(stored.version().value()).as("the rest of the newer row is still applied").isEqualTo("8");
        assertThat(stored.gmtModified()).isEqualTo(rerun);
        assertThat(stored.gmtFinished()).as("gmt_finished stays COALESCE(new, old)").isEqualTo(T0.plusSeconds(1000));
        assertThat(store.jobs().save(job("a", "9", JobStatus.SUCCEEDED).toBuilder().gmtFinished(T0.plusSeconds(2000)).build()))
                .isEqualTo(UPDATED);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().gmtFinished()).isEqualTo(T0.plusSeconds(2000));

        // the batch path applies the rule in memory under row locks, then writes with the same guarded upsert
        assertThat(store.jobs().saveAll(List.of(job("b", "1", JobStatus.CREATED),
                job("b", "2", JobStatus.RUNNING).toBuilder().gmtRunning(first).build(),
                job("b", "3", JobStatus.RUNNING).toBuilder().gmtRunning(rerun).build()))).containsExactly(INSERTED, UPDATED, UPDATED);
        assertThat(store.jobs().saveAll(List.of(job("b", "4", JobStatus.RUNNING).toBuilder().gmtRunning(rerun).build())))
                .containsExactly(UPDATED);
        assertThat(store.jobs().get(JobKey.of("b")).orElseThrow().gmtRunning()).isEqualTo(first);

        // pods have no such rule: a newer gmt_started replaces the stored one
        store.pods().save(pod("p", "a", "w-0", "1", PodStatus.RUNNING).toBuilder().gmtStarted(first).build());
        store.pods().save(pod("p", "a", "w-0", "2", PodStatus.RUNNING).toBuilder().gmtStarted(rerun).build());
        assertThat(store.pods().get(pod("p", "a", "w-0", "1", PodStatus.RUNNING).key()).orElseThrow().gmtStarted()).isEqualTo(rerun);

        // a stale save never fills an empty gmt_running either: the guard comes first
        store.jobs().save(job("c", "5", JobStatus.CREATED));
        assertThat(store.jobs().save(job("c", "4", JobStatus.RUNNING).toBuilder().gmtRunning(first).build())).isEqualTo(STALE);
        assertThat(store.jobs().get(JobKey.of("c")).orElseThrow().gmtRunning()).isNull();
    }

    @Test
    void w7_gmtModifiedMovesOnlyOnStatusChangeToTheRecordsOrTheCurrentTime() {
        store.jobs().save(job("a", "5", JobStatus.CREATED));
        Instant before = Instant.now().minusSeconds(1);
        store.jobs().save(job("a", "6", JobStatus.RUNNING));
        Instant moved = store.jobs().get(JobKey.of("a")).orElseThrow().gmtModified();
        assertThat(moved).isAfter(before).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        store.jobs().save(job("a", "7", JobStatus.SUCCEEDED).toBuilder().gmtModified(T0.plusSeconds(77)).build());
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().gmtModified()).isEqualTo(T0.plusSeconds(77));
    }

    @Test
    void w8_removedRowIsTerminalForLaterSaves() {
        store.jobs().save(job("a", "5", JobStatus.RUNNING));
        store.jobs().markRemoved(JobKey.of("a"), T0.plusSeconds(5));
        assertThat(store.jobs().save(job("a", "99", JobStatus.RUNNING))).isEqualTo(STALE);
        assertThat(store.jobs().save(job("a", "5", JobStatus.RUNNING))).isEqualTo(STALE);
        JobRecord stored = store.jobs().get(JobKey.of("a")).orElseThrow();
        assertThat(stored.inEtcd()).isFalse();
        assertThat(stored.version().value()).isEqualTo("5");
        assertThat(stored.status()).isEqualTo(JobStatus.STOPPED);
    }

    @Test
    void w8_saveWithInEtcdFalseRemovesAndThenIsTerminal() {
        store.pods().save(pod("p", "j", "w-0", "5", PodStatus.RUNNING));
        assertThat(store.pods().save(pod("p", "j", "w-0", "6", PodStatus.SUCCEEDED).withInEtcd(false))).isEqualTo(UPDATED);
        assertThat(store.pods().save(pod("p", "j", "w-0", "7", PodStatus.RUNNING))).isEqualTo(STALE);
        assertThat(store.pods().get(pod("p", "j", "w-0", "5", PodStatus.RUNNING).key()).orElseThrow().version().value()).isEqualTo("6");
    }

    @Test
    void w3_sameVersionWithInEtcdFalseOnALiveRowChangesNothing() {
        store.jobs().save(job("a", "5", JobStatus.RUNNING));
        assertThat(store.jobs().save(job("a", "5", JobStatus.RUNNING).withInEtcd(false))).isEqualTo(UNCHANGED);
        assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().inEtcd()).isTrue();
    }

    @Test
    void b1_batchBehavesAsSavesOneByOneWithExactOutcomes() {
        List<JobRecord> batch = List.of(
                job("a", "2", JobStatus.CREATED), job("a", "1", JobStatus.CREATED),
                job("b", "1", JobStatus.CREATED), job("b", "1", JobStatus.CREATED),
                job("c", "1", JobStatus.CREATED), job("c", "3", JobStatus.RUNNING).toBuilder().gmtRunning(T0.plusSeconds(3)).build(),
                job("c", "2", JobStatus.FAILED), job("c", "4", JobStatus.RUNNING));
        assertThat(store.jobs().saveAll(batch))
                .containsExactly(INSERTED, STALE, INSERTED, UNCHANGED, INSERTED, UPDATED, STALE, UPDATED);
        JobRecord c = store.jobs().get(JobKey.of("c")).orElseThrow();
        assertThat(c.version().value()).isEqualTo("4");
        assertThat(c.gmtRunning()).as("COALESCE inside the batch too").isEqualTo(T0.plusSeconds(3));
        assertThat(store.jobs().saveAll(List.of(job("a", "2", JobStatus.CREATED), job("a", "3", JobStatus.RUNNING),
                job("b", "1", JobStatus.CREATED)))).containsExactly(UNCHANGED, UPDATED, UNCHANGED);
        assertThat(store.jobs().saveAll(List.of())).isEmpty();
        assertThat(store.jobs().count(JobQuery.builder().build())).isEqualTo(3);
    }

    @Test
    void b1_podBatchOfManyRowsIsWrittenAndLaterBatchesSeeIt() {
        List<PodRecord> pods = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            pods.add(pod("p" + i, "j", "w-" + i, "1", PodStatus.PENDING));
        }
        assertThat(store.pods().saveAll(pods)).hasSize(1200).containsOnly(INSERTED);
        List<PodRecord> next = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            next.add(pod("p" + i, "j", "w-" + i, i % 2 == 0 ? "2" : "1", PodStatus.RUNNING));
        }
        List<io.kubedl.persist.model.WriteOutcome> outcomes = store.pods().saveAll(next);
        assertThat(outcomes.stream().filter(o -> o == UPDATED)).hasSize(600);
        assertThat(outcomes.stream().filter(o -> o == UNCHANGED)).hasSize(600);
    }

    @Test
    void v1_missingFieldsAreRefusedByNameAndNothingOfTheBatchIsWritten() {
        assertThatThrownBy(() -> store.jobs().save(null)).isInstanceOf(InvalidRecordException.class).hasMessageContaining("job");
        List<JobRecord> batch = new ArrayList<>(List.of(job("a", "1", JobStatus.CREATED)));
        batch.add(null);
        assertThatThrownBy(() -> store.jobs().saveAll(batch)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("jobs[1]");
        assertThat(store.jobs().get(JobKey.of("a"))).isEmpty();
    }

    @Test
    void v2_tooLongValueIsRefusedNamingFieldLimitAndLength() {
        String name = "n".repeat(254);
        assertThatThrownBy(() -> store.jobs().save(job("a", "1", JobStatus.CREATED).toBuilder().name(name).build()))
                .isInstanceOfSatisfying(ValueTooLongException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.limit()).isEqualTo(253);
                    assertThat(e.length()).isEqualTo(254);
                });
        JobRecord longest = job("b", "1", JobStatus.CREATED).toBuilder().name("n".repeat(253)).namespace("s".repeat(253))
                .remark("\uD83D\uDE00".repeat(65535 / 2)).build();
        assertThat(store.jobs().save(longest)).isEqualTo(INSERTED);
        assertThat(store.jobs().get(JobKey.of("b")).orElseThrow()).isEqualTo(longest.toBuilder().gmtModified(T0).build());
    }

    @Test
    void v3_fourByteUtf8AndCjkRoundTripExactly() {
        PodRecord pod = pod("p", "j", "worker-\u4E2D\u6587-1", "1", PodStatus.RUNNING).toBuilder()
                .remark("\uD83D\uDE80 \u4E2D\u6587 caf\u00E9 \\ ' \" %_").image("registry/\uD83D\uDC33:1").build();
        store.pods().save(pod);
        assertThat(store.pods().get(pod.key()).orElseThrow()).isEqualTo(pod.toBuilder().gmtModified(T0).build());
    }

    @Test
    void timesAreStoredAsUtcWhateverTheJvmZone() throws SQLException {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            store.jobs().save(job("a", "1", JobStatus.CREATED));
            assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().gmtCreated()).isEqualTo(T0);
        } finally {
            TimeZone.setDefault(original);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATE_FORMAT(gmt_created, '%Y-%m-%d %H:%i:%s') FROM job_info")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2026-03-01 10:00:00");
        }
    }

    private String rawRow(String jobId) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CONCAT_WS('|', id, name, version, status, remark, gmt_modified, write_nonce)"
                        + " FROM job_info WHERE job_id = '" + jobId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
