package io.kubedl.persist.mysql.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A second apply is a no-op; an apply interrupted after any step resumes; two at once are serialised. */
class AdoptionRecoveryTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** @return job_info and replica_info after an uninterrupted adoption of the same scenario */
    private static List<List<String>> reference() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_ref"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                adoption.apply(ZONE);
            }
            return List.of(AdoptionDatabases.dump(c, "job_info"), AdoptionDatabases.dump(c, "replica_info"));
        }
    }

    @Test
    void aSecondApplyIsANoOpThatChangesNothing() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_twice"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThat(adoption.apply(ZONE).nothingToDo()).isFalse();
            }
            List<String> jobs = AdoptionDatabases.dump(c, "job_info");
            List<String> pods = AdoptionDatabases.dump(c, "replica_info");
            List<String> backup = AdoptionDatabases.dump(c, "job_info_kubedl_backup");
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                AdoptionReport again = adoption.apply(ZONE);
                assertThat(again.nothingToDo()).isTrue();
                assertThat(again.done()).isTrue();
                assertThat(again.actions()).singleElement().asString().startsWith("nothing: adopted at ")
                        .contains("from zone Asia/Shanghai");
                assertThat(again.jobs().rowsCopied()).isZero();
                AdoptionReport plan = adoption.plan(null);
                assertThat(plan.nothingToDo()).isTrue();
                assertThat(plan.done()).isTrue();
                assertThat(plan.lines()).anyMatch(l -> l.startsWith("does nothing: adopted at "));
            }
            assertThat(AdoptionDatabases.dump(c, "job_info")).isEqualTo(jobs);
            assertThat(AdoptionDatabases.dump(c, "replica_info")).isEqualTo(pods);
            assertThat(AdoptionDatabases.dump(c, "job_info_kubedl_backup")).isEqualTo(backup);
        }
    }

    @ParameterizedTest(name = "interrupted after: {0}")
    @ValueSource(strings = {"renamed", "migrated", "jobs copied", "pods copied"})
    void anApplyInterruptedAfterAStepResumesToTheSameRows(String step) throws SQLException {
        List<List<String>> expected = reference();
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_resume"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                adoption.afterStep = s -> {
                    if (s.equals(step)) {
                        throw new IllegalStateException("crash after " + s);
                    }
                };
                assertThatThrownBy(() -> adoption.apply(ZONE)).hasMessage("crash after " + step);
            }
            // a controller's start refuses the unfinished adoption, in either mode
            for (String mode : List.of("migrate", "validate")) {
                assertThatThrownBy(() -> MetaStorage.open(new MySqlProvider(),
                        AdoptionDatabases.builder(db).option("migration", mode).build()).close())
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("has not finished")
                        .hasMessageContaining("run adopt again with the same source zone (Asia/Shanghai)");
            }
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                AdoptionReport plan = adoption.plan(ZONE);
                assertThat(plan.resumedStep()).contains("copying");
                assertThat(plan.canApply()).isTrue();
                assertThat(plan.jobs().rowsKept()).isEqualTo(3);
                assertThatThrownBy(() -> adoption.apply(ZoneId.of("UTC"))).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("resume it with the same zone");
                AdoptionReport resumed = adoption.apply(ZONE);
                assertThat(resumed.done()).isTrue();
                assertThat(resumed.jobs().rowsCopied() + resumed.jobs().rowsAlreadyPresent()).isEqualTo(3);
                assertThat(resumed.jobs().rowsAlreadyPresent()).isEqualTo(step.equals("jobs copied") || step.equals("pods copied") ? 3 : 0);
                assertThat(resumed.pods().rowsAlreadyPresent()).isEqualTo(step.equals("pods copied") ? 4 : 0);
            }
            assertThat(List.of(AdoptionDatabases.dump(c, "job_info"), AdoptionDatabases.dump(c, "replica_info")))
                    .isEqualTo(expected);
            try (MetaStore store = MetaStorage.open(new MySqlProvider(), AdoptionDatabases.config(db))) {
                assertThat(store.jobs().count(io.kubedl.persist.query.JobQuery.builder().build())).isEqualTo(3);
            }
        }
    }

    @Test
    void twoProcessesApplyingAtOnceAreSerialisedAndCopyEveryRowOnce() throws Exception {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_race"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.SEED, ZONE).fill(c);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<AdoptionReport>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                            start.await();
                            return adoption.apply(ZONE);
                        }
                    }));
                }
                start.countDown();
                List<AdoptionReport> reports = new ArrayList<>();
                for (Future<AdoptionReport> r : results) {
                    reports.add(r.get(2, TimeUnit.MINUTES));
                }
                assertThat(reports).allMatch(AdoptionReport::done);
                assertThat(reports).filteredOn(AdoptionReport::nothingToDo).hasSize(1);
                assertThat(reports.stream().mapToLong(r -> r.jobs().rowsCopied()).sum()).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
            assertThat(AdoptionDatabases.dump(c, "job_info")).hasSize(3);
            assertThat(AdoptionDatabases.dump(c, "replica_info")).hasSize(4);
        }
    }
}
