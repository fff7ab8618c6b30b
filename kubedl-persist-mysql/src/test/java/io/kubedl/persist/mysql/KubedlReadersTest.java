package io.kubedl.persist.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * KubeDL's readers on tables this library created and filled: the statements its Go
 * backend ({@code pkg/storage/backends/objects/mysql/mysql.go}) issues through gorm v1,
 * reconstructed (gorm's struct conditions become {@code `table`.`column` = ?}, First
 * adds {@code ORDER BY `table`.`id` ASC LIMIT 1}, Find selects {@code *}), run as
 * they are and reading the right values: the console's job listing with its filters
 * and {@code deleted = 0} and its count, GetJob by UID, ListPods with its order. Its
 * writes (StopJob, DeleteJob) are refused by the generated columns, changing nothing.
 */
@ExtendWith(FreshDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubedlReadersTest {
    private static final Instant CREATED = Instant.parse("2026-05-04T03:02:01Z");
    private static final Instant RUNNING = CREATED.plusSeconds(40);
    private static final Instant FINISHED = CREATED.plusSeconds(4000);

    @BeforeAll
    void fill(TestDatabase db) {
        try (MetaStore store = MySqlTestStores.open(db)) {
            store.jobs().save(JobRecord.builder().jobId("uid-mnist").name("mnist").namespace("team-a").kind("TFJob")
                    .version("120").status(JobStatus.SUCCEEDED).resources("{\"Worker\":{\"replicas\":2}}")
                    .gmtCreated(CREATED).gmtRunning(RUNNING).gmtFinished(FINISHED).build());
            store.jobs().save(JobRecord.builder().jobId("uid-bert").name("bert").namespace("team-a").kind("PyTorchJob")
                    .version("130").status(JobStatus.RUNNING).tenant("vision").owner("alice").region("cn-hangzhou")
                    .remark("EnableTensorBoard").gmtCreated(CREATED.plusSeconds(60)).gmtRunning(RUNNING.plusSeconds(60))
                    .build());
            for (String name : List.of("mnist-worker-10", "mnist-worker-9", "mnist-ps-0", "mnist-worker-0")) {
                store.pods().save(PodRecord.builder().podId("uid-" + name).jobId("uid-mnist").name(name).namespace("team-a")
                        .version("200").status(PodStatus.SUCCEEDED).replicaType(name.contains("ps") ? "ps" : "worker")
                        .image("kubedl/tf-mnist:1.0").gmtCreated(CREATED).gmtStarted(RUNNING).gmtFinished(FINISHED).build());
            }
        }
    }

    @Test
    void theConsolesJobListingWithItsFiltersAndDeletedZeroCountsAndReadsOurRows(TestDatabase db) throws SQLException {
        // ListJobs: gorm Model(&dmo.Job{}).Where(...)...Count(...).Limit(...).Offset(...).Find(...); IsDel = 0
        String where = " WHERE (gmt_created < ?) AND (gmt_created > ?) AND (deleted = ?) AND (status = ?)"
                + " AND (name LIKE ?) AND (namespace LIKE ?)";
        try (Connection c = db.connect()) {
            List<Object> params = List.of(utc(CREATED.plusSeconds(86400)), utc(CREATED.minusSeconds(86400)), 0,
                    "Succeeded", "%mni%", "%team%");
            try (ResultSet rs = query(c, "SELECT count(*) FROM `job_info` " + where, params)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            try (ResultSet rs = query(c, "SELECT * FROM `job_info` " + where + " ORDER BY gmt_created DESC LIMIT 10 OFFSET 0",
                    params)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("job_id")).isEqualTo("uid-mnist");
                assertThat(rs.getString("version")).isEqualTo("120");
                assertThat(rs.getInt("deleted")).isZero();
                assertThat(rs.getInt("is_in_etcd")).isEqualTo(1);
                assertThat(rs.getObject("gmt_job_running", LocalDateTime.class)).isEqualTo(utc(RUNNING));
                assertThat(rs.getObject("gmt_job_finished", LocalDateTime.class)).isEqualTo(utc(FINISHED));
                // KubeDL writes '' without tenancy and its console dereferences both: never NULL
                assertThat(rs.getString("tenant")).isEmpty();
                assertThat(rs.getString("owner")).isEmpty();
                assertThat(rs.getString("deploy_region")).isEmpty();
                assertThat(rs.next()).isFalse();
            }
            // the region filter: deploy_region = ?
            try (ResultSet rs = query(c, "SELECT * FROM `job_info`  WHERE (gmt_created < ?) AND (gmt_created > ?) AND"
                    + " (deleted = ?) AND (deploy_region = ?) ORDER BY gmt_created DESC",
                    List.of(utc(CREATED.plusSeconds(86400)), utc(CREATED.minusSeconds(86400)), 0, "cn-hangzhou"))) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString("job_id"), rs.getString("tenant"), rs.getString("owner"),
                        rs.getString("remark"))).containsExactly("uid-bert", "vision", "alice", "EnableTensorBoard");
                assertThat(rs.getObject("gmt_job_finished")).isNull();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void getJobByUidFindsTheRow(TestDatabase db) throws SQLException {
        // GetJob: Where(&dmo.Job{JobID, Namespace, Name, Kind}).First(&job); region "" is not part of the struct
        try (Connection c = db.connect(); ResultSet rs = query(c, "SELECT * FROM `job_info`  WHERE (`job_info`.`job_id` = ?)"
                + " AND (`job_info`.`namespace` = ?) AND (`job_info`.`name` = ?) AND (`job_info`.`kind` = ?)"
                + " ORDER BY `job_info`.`id` ASC LIMIT 1", List.of("uid-mnist", "team-a", "mnist", "TFJob"))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("status")).isEqualTo("Succeeded");
            assertThat(rs.getString("resources")).isEqualTo("{\"Worker\":{\"replicas\":2}}");
            assertThat(rs.getObject("gmt_created", LocalDateTime.class)).isEqualTo(utc(CREATED));
        }
    }

    @Test
    void listPodsReadsAJobsPodsInItsOrder(TestDatabase db) throws SQLException {
        // ListPods: Where(&dmo.Pod{JobID}).Order("replica_type").Order("CAST(SUBSTRING_INDEX(name, '-', -1) AS SIGNED)")
        // .Order("gmt_created DESC").Find(&podList)
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = query(c, "SELECT * FROM `replica_info`  WHERE"
                + " (`replica_info`.`job_id` = ?) ORDER BY replica_type,CAST(SUBSTRING_INDEX(name, '-', -1) AS SIGNED),"
                + "gmt_created DESC", List.of("uid-mnist"))) {
            while (rs.next()) {
                names.add(rs.getString("name"));
                assertThat(rs.getInt("deleted")).isZero();
                assertThat(rs.getObject("gmt_started", LocalDateTime.class)).isEqualTo(utc(RUNNING));
            }
        }
        assertThat(names).containsExactly("mnist-ps-0", "mnist-worker-0", "mnist-worker-9", "mnist-worker-10");
    }

    @Test
    void kubedlsWritesAreRefusedAndChangeNothing(TestDatabase db) throws SQLException {
        // StopJob / DeleteJob: Model(&dmo.Job{}).Where(&dmo.Job{Name, JobID, Version}).Updates(&dmo.Job{...});
        // gorm v1 writes the non-zero fields in name order, plus gmt_modified from BeforeUpdate
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE `job_info` SET `deleted` = ?, `gmt_job_finished` = ?,"
                    + " `gmt_modified` = ?, `is_in_etcd` = ?, `job_id` = ?, `namespace` = ?, `status` = ?, `version` = ?"
                    + "  WHERE (`job_info`.`name` = ?) AND (`job_info`.`job_id` = ?) AND (`job_info`.`version` = ?)")) {
                List<Object> params = List.of(1, utc(FINISHED), utc(FINISHED), 0, "uid-mnist", "team-a", "Succeeded", "120",
                        "mnist", "uid-mnist", "120");
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(1906, 3105));
            }
        }
        try (MetaStore store = MySqlTestStores.open(db)) {
            JobRecord job = store.jobs().get(JobKey.of("uid-mnist")).orElseThrow();
            assertThat(job.inEtcd()).isTrue();
            assertThat(job.version().value()).isEqualTo("120");
        }
    }

    @Test
    void anAbsentOrEmptyTenantAndOwnerAreStoredAsEmptyAndReadBackAsAbsent(TestDatabase db) throws SQLException {
        try (MetaStore store = MySqlTestStores.open(db)) {
            store.jobs().save(JobRecord.builder().jobId("uid-empty").name("empty").namespace("team-b").kind("TFJob")
                    .version("1").status(JobStatus.CREATED).tenant("").owner("").remark("").gmtCreated(CREATED).build());
            JobRecord read = store.jobs().get(JobKey.of("uid-empty")).orElseThrow();
            assertThat(read.tenant()).isNull();
            assertThat(read.owner()).isNull();
            assertThat(read.remark()).as("other text keeps '' apart from null").isEmpty();
            assertThat(store.jobs().get(JobKey.of("uid-mnist")).orElseThrow().tenant()).isNull();
        }
        try (Connection c = db.connect(); ResultSet rs = query(c, "SELECT tenant, owner FROM job_info WHERE job_id IN (?, ?)",
                List.of("uid-empty", "uid-mnist"))) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isEmpty();
                assertThat(rs.getString(2)).isEmpty();
            }
        }
    }

    private static ResultSet query(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
