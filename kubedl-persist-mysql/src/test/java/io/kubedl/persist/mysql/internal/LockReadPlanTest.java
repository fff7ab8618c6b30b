package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.mysql.FreshDatabaseExtension;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The locking read of saveAll and markRemovedAll (500 UIDs per statement) goes through
 * the identity's unique index also on a table of a few thousand rows, where without the
 * index hint the optimizer chose a full scan (EXPLAIN type ALL) once the IN list passed
 * eq_range_index_dive_limit: the profile in docs/benchmarks.md found that scan behind most of
 * the rows a write-behind batch read.
 */
@ExtendWith(FreshDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockReadPlanTest {
    private static final int ROWS = 3000;
    private static final int KEYS = 500;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private TestDatabase db;
    private MetaStore store;

    @BeforeAll
    void fill(TestDatabase database) {
        db = database;
        store = new MySqlProvider().open(db.configBuilder().build());
        List<JobRecord> jobs = new ArrayList<>();
        List<PodRecord> pods = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            jobs.add(JobRecord.builder().jobId("job-" + i).name("j" + i).namespace("ns").kind("TFJob").version("1")
                    .status(JobStatus.RUNNING).gmtCreated(T0).build());
            pods.add(PodRecord.builder().podId("pod-" + i).jobId("job-" + i).name("j" + i + "-worker-0").namespace("ns")
                    .version("1").status(PodStatus.RUNNING).gmtCreated(T0).build());
        }
        for (int from = 0; from < ROWS; from += KEYS) {
            store.jobs().saveAll(jobs.subList(from, from + KEYS));
            store.pods().saveAll(pods.subList(from, from + KEYS));
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void theJobLockReadOf500UidsUsesTheIdentityIndex() throws SQLException {
        assertThat(plan(((MySqlJobs) store.jobs()).lockByUids("id", KEYS), "job-"))
                .isEqualTo("range uk_job_identity");
    }

    @Test
    void thePodLockReadOf500UidsUsesTheIdentityIndex() throws SQLException {
        assertThat(plan(((MySqlPods) store.pods()).lockByUids("id", KEYS), "pod-"))
                .isEqualTo("range uk_pod_identity");
    }

    /** @return "type key" of the EXPLAIN of the statement, bound with UIDs of stored rows */
    private String plan(String sql, String prefix) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < KEYS; i++) {
                ps.setString(i + 1, prefix + (i * 5));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString("type") + " " + rs.getString("key");
            }
        }
    }
}
