package io.kubedl.persist.mysql.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.schema.TableGeneration;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.testkit.kubedl.KubedlJobRow;
import io.kubedl.persist.testkit.kubedl.KubedlPodRow;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both KubeDL generations, filled as KubeDL's controller leaves them, adopted on a
 * real server: the report's figures against what the test counts, then every kept
 * row checked column by column against the fixture row it came from, and the
 * provider reading them (pod order, a reconcile that stops the pods KubeDL left
 * Running).
 */
class KubedlAdoptionTest {

    static Stream<Arguments> generations() {
        return Stream.of(Arguments.of(KubedlSchema.SEED, ZoneId.of("Asia/Shanghai")),
                Arguments.of(KubedlSchema.CURRENT, ZoneId.of("America/New_York")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("generations")
    void everyIdentityIsAdoptedAtItsNewestVersionWithUtcTimesAndTheReportCountsEveryRow(KubedlSchema schema, ZoneId zone)
            throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_gen"); Connection c = db.connect()) {
            KubedlScenario s = new KubedlScenario(schema, zone).fill(c);
            TableGeneration generation = schema == KubedlSchema.SEED ? TableGeneration.KUBEDL_SEED : TableGeneration.KUBEDL_CURRENT;
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                AdoptionReport plan = adoption.plan(null);
                assertThat(plan.canApply()).isFalse();
                assertThat(plan.lines()).anyMatch(l -> l.contains("source zone: not given; apply requires it"));
                assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");

                AdoptionReport report = adoption.apply(zone);
                assertThat(report.done()).isTrue();
                assertThat(report.sourceZone()).contains(zone);
                for (AdoptionReport r : List.of(plan, report)) {
                    TableReport jobs = r.jobs();
                    assertThat(jobs.generation()).isEqualTo(generation);
                    assertThat(List.of(jobs.rowsSeen(), jobs.rowsKept(), jobs.duplicatesDropped(), jobs.softDeletedRows(),
                            (long) jobs.unconvertible().size(), jobs.nullRegions(), jobs.keptInEtcd()))
                            .containsExactly(7L, 3L, 2L, 1L, 1L, 6L, 2L);
                    assertThat(jobs.duplicates()).containsExactlyInAnyOrder(
                            new DuplicateIdentity("uid-mnist", "", s.mnistWinnerId, "102", List.of(s.mnistLoserId)),
                            new DuplicateIdentity("uid-resnet", "", s.resnetWinnerId, "10", List.of(s.resnetLoserId)));
                    assertThat(jobs.unconvertible()).singleElement().satisfies(u -> {
                        assertThat(u.id()).isEqualTo(s.brokenJobId);
                        assertThat(u.reason()).contains("version").contains("must not be empty");
                    });
                    TableReport pods = r.pods();
                    assertThat(List.of(pods.rowsSeen(), pods.rowsKept(), pods.duplicatesDropped(), pods.softDeletedRows(),
                            (long) pods.unconvertible().size(), pods.nullRegions(), pods.keptInEtcd()))
                            .containsExactly(6L, 4L, 1L, 0L, 1L, 5L, 4L);
                    assertThat(pods.duplicates()).containsExactly(
                            new DuplicateIdentity("uid-w10", "", s.podTieWinnerId, "300", List.of(s.podTieLoserId)));
                    assertThat(pods.unconvertible()).singleElement().satisfies(u -> assertThat(u.id()).isEqualTo(s.brokenPodId));
                    assertThat(jobs.accountsForEveryRow()).isTrue();
                    assertThat(pods.accountsForEveryRow()).isTrue();
                }
                assertThat(report.jobs().rowsCopied()).isEqualTo(3);
                assertThat(report.pods().rowsCopied()).isEqualTo(4);
                assertThat(report.jobs().source()).isEqualTo("job_info_kubedl_backup");
            }
            assertThat(AdoptionDatabases.tables(c)).contains("job_info", "replica_info", "job_info_kubedl_backup",
                    "replica_info_kubedl_backup", "kubedl_adoption", "kubedl_schema_version");
            assertThat(AdoptionDatabases.dump(c, "job_info_kubedl_backup")).hasSize(7);
            assertThat(AdoptionDatabases.dump(c, "replica_info_kubedl_backup")).hasSize(6);
            checkJobs(c, s);
            checkPods(c, s);

            try (MetaStore store = MetaStorage.open(new MySqlProvider(), AdoptionDatabases.config(db))) {
                assertThat(store.jobs().get(JobKey.of("uid-mnist")).orElseThrow().version().value()).isEqualTo("102");
                assertThat(store.jobs().get(JobKey.of("uid-mnist")).orElseThrow().tenant()).isNull();
                assertThat(store.pods().list(PodQuery.ofJob("uid-mnist")).items()).extracting(PodRecord::name)
                        .containsExactly("mnist-ps-0", "mnist-worker-0", "mnist-worker-9", "mnist-worker-10");
                // the pods KubeDL left in etcd in region '': a reconcile with none live marks them removed
                assertThat(store.pods().reconcile("", Set.of(), Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(3);
                assertThat(store.pods().get(new io.kubedl.persist.model.PodKey("", "uid-w10")).orElseThrow().status())
                        .isEqualTo(PodStatus.STOPPED);
            }
        }
    }

    private static void checkJobs(Connection c, KubedlScenario s) throws SQLException {
        boolean seed = s.schema == KubedlSchema.SEED;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job_info ORDER BY job_id");
                ResultSet rs = ps.executeQuery()) {
            for (KubedlJobRow e : s.keptJobs.stream().sorted(java.util.Comparator.comparing(KubedlJobRow::jobId)).toList()) {
                assertThat(rs.next()).as("row of %s", e.jobId()).isTrue();
                Map<String, Object> expected = new java.util.LinkedHashMap<>();
                expected.put("name", e.name());
                expected.put("namespace", e.namespace());
                expected.put("job_id", e.jobId());
                expected.put("version", e.version());
                expected.put("status", e.status());
                expected.put("kind", e.kind());
                expected.put("resources", e.resources());
                expected.put("deploy_region", e.deployRegion() == null ? "" : e.deployRegion());
                expected.put("tenant", e.tenant());
                expected.put("owner", e.owner());
                expected.put("is_in_etcd", e.isInEtcd());
                expected.put("remark", seed ? null : e.remark());
                expected.put("gmt_created", utc(e.gmtCreated()));
                expected.put("gmt_modified", utc(e.gmtModified()));
                expected.put("gmt_running", seed ? null : utc(e.gmtRunning()));
                expected.put("gmt_finished", utc(e.gmtFinished()));
                expected.put("gmt_job_running", seed ? null : utc(e.gmtRunning()));
                expected.put("gmt_job_finished", utc(e.gmtFinished()));
                expected.put("deleted", 0);
                for (Map.Entry<String, Object> column : expected.entrySet()) {
                    assertThat(read(rs, column.getKey(), column.getValue())).as("%s of job %s", column.getKey(), e.jobId())
                            .isEqualTo(column.getValue());
                }
            }
            assertThat(rs.next()).as("no other job row").isFalse();
        }
    }

    private static void checkPods(Connection c, KubedlScenario s) throws SQLException {
        Map<String, Integer> indexes = Map.of("mnist-worker-0", 0, "mnist-worker-10", 10, "mnist-worker-9", 9, "mnist-ps-0", 0);
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM replica_info ORDER BY pod_id");
                ResultSet rs = ps.executeQuery()) {
            for (KubedlPodRow e : s.keptPods.stream().sorted(java.util.Comparator.comparing(KubedlPodRow::podId)).toList()) {
                assertThat(rs.next()).as("row of %s", e.podId()).isTrue();
                Map<String, Object> expected = new java.util.LinkedHashMap<>();
                expected.put("name", e.name());
                expected.put("namespace", e.namespace());
                expected.put("pod_id", e.podId());
                expected.put("version", e.version());
                expected.put("status", e.status());
                expected.put("image", e.image());
                expected.put("job_id", e.jobId());
                expected.put("replica_type", e.replicaType());
                expected.put("replica_index", indexes.get(e.name()));
                expected.put("resources", e.resources());
                expected.put("host_ip", e.hostIp());
                expected.put("pod_ip", e.podIp());
                expected.put("deploy_region", e.deployRegion() == null ? "" : e.deployRegion());
                expected.put("is_in_etcd", e.isInEtcd());
                expected.put("remark", e.remark());
                expected.put("gmt_created", utc(e.gmtCreated()));
                expected.put("gmt_modified", utc(e.gmtModified()));
                expected.put("gmt_started", utc(e.gmtStarted()));
                expected.put("gmt_finished", utc(e.gmtFinished()));
                expected.put("deleted", 0);
                for (Map.Entry<String, Object> column : expected.entrySet()) {
                    assertThat(read(rs, column.getKey(), column.getValue())).as("%s of pod %s", column.getKey(), e.podId())
                            .isEqualTo(column.getValue());
                }
            }
            assertThat(rs.next()).as("no other pod row").isFalse();
        }
    }

    private static Object read(ResultSet rs, String column, Object like) throws SQLException {
        if (like instanceof LocalDateTime) {
            return rs.getObject(column, LocalDateTime.class);
        }
        if (like instanceof Integer) {
            return rs.getInt(column);
        }
        Object value = rs.getObject(column);
        return value instanceof LocalDateTime ? value : value == null ? null : value.toString();
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
