package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.mysql.FreshDatabaseExtension;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shows with EXPLAIN, on 200k jobs and 200k pods, that every listing and count shape
 * of Q2/Q4 the store runs uses an index: never a full table scan, and no filesort for
 * a listing's first page or a deep page. Tagged {@code scale}: excluded by default; run
 * it with {@code ./mvnw -pl kubedl-persist-mysql -am verify -Dsurefire.excludedGroups= -Dgroups=scale}.
 */
@Tag("scale")
@ExtendWith(FreshDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanScaleTest {
    private static final int JOBS = 200_000;
    private static final int PODS = 200_000;
    private static final int ROWS_PER_INSERT = 1000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private TestDatabase db;
    private MetaStore store;

    @BeforeAll
    void load(TestDatabase database) throws SQLException {
        db = database;
        store = new MySqlProvider().open(db.configBuilder().option("sslMode", "DISABLED").option("allowPublicKeyRetrieval", "true").build());
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "&rewriteBatchedStatements=true", db.user(), db.password())) {
            c.setAutoCommit(false);
            loadJobs(c);
            loadPods(c);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE job_info, replica_info");
            }
        }
        System.out.printf("scale test: loaded %d jobs and %d pods in %d ms%n", JOBS, PODS, (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    void close() {
        store.close();
    }

    private static void loadJobs(Connection c) throws SQLException {
        Random r = new Random(1);
        String[] statuses = {"Succeeded", "Succeeded", "Succeeded", "Failed", "Running", "Created", "Restarting", "Stopped"};
        String[] kinds = {"TFJob", "PyTorchJob", "MPIJob", "XGBoostJob", "MarsJob"};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_info (name, namespace, job_id, version, status, kind,"
                + " deploy_region, tenant, owner, is_in_etcd, gmt_created, gmt_modified, gmt_finished)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < JOBS; i++) {
                Instant created = START.plusSeconds(i * 150L + r.nextInt(100));
                boolean inEtcd = r.nextInt(10) != 0;
                ps.setString(1, "job-" + (i % 20_000));
                ps.setString(2, "ns-" + r.nextInt(50));
                ps.setString(3, "uid-" + i);
                ps.setString(4, Integer.toString(1000 + i));
                ps.setString(5, statuses[r.nextInt(statuses.length)]);
                ps.setString(6, kinds[r.nextInt(kinds.length)]);
                ps.setString(7, r.nextInt(20) == 0 ? "eu" : "");
                ps.setString(8, "tenant-" + r.nextInt(100));
                ps.setString(9, "owner-" + r.nextInt(1000));
                ps.setInt(10, inEtcd ? 1 : 0);
                UtcTimes.bind(ps, 11, created);
                UtcTimes.bind(ps, 12, created);
                UtcTimes.bind(ps, 13, inEtcd ? null : created.plusSeconds(3600));
                ps.addBatch();
                if ((i + 1) % ROWS_PER_INSERT == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void loadPods(Connection c) throws SQLException {
        Random r = new Random(2);
        String[] types = {"worker", "worker", "worker", "ps", "master"};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO replica_info (name, namespace, pod_id, version, status,"
                + " job_id, replica_type, replica_index, deploy_region, is_in_etcd, gmt_created, gmt_modified)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < PODS; i++) {
                int job = i / 8;
                int index = i % 8;
                Instant created = START.plusSeconds(job * 150L + index);
                String type = types[r.nextInt(types.length)];
                ps.setString(1, "job-" + job + "-" + type + "-" + index);
                ps.setString(2, "ns-" + (job % 50));
                ps.setString(3, "pod-" + i);
                ps.setString(4, Integer.toString(5000 + i));
                ps.setString(5, PodStatus.SUCCEEDED.value());
                ps.setString(6, "uid-" + job);
                ps.setString(7, type);
                ps.setInt(8, index);
                ps.setString(9, "");
                ps.setInt(10, r.nextInt(10) == 0 ? 0 : 1);
                UtcTimes.bind(ps, 11, created);
                UtcTimes.bind(ps, 12, created);
                ps.addBatch();
                if ((i + 1) % ROWS_PER_INSERT == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Test
    void q2_everyJobListingShapeUsesAnIndexWithoutFilesort() throws SQLException {
        Map<String, JobQuery> shapes = new LinkedHashMap<>();
        shapes.put("no filter", JobQuery.builder().build());
        shapes.put("namespace", JobQuery.builder().namespace("ns-7").build());
        shapes.put("namespace+status", JobQuery.builder().namespace("ns-7").statuses(JobStatus.RUNNING).build());
        shapes.put("namespace+name", JobQuery.builder().namespace("ns-7").name("job-42").build());
        shapes.put("namespace+nameContains", JobQuery.builder().namespace("ns-7").nameContains("-4").build());
        shapes.put("nameContains", JobQuery.builder().nameContains("b-19").build());
        shapes.put("status", JobQuery.builder().statuses(JobStatus.FAILED).build());
        shapes.put("statuses", JobQuery.builder().statuses(JobStatus.RUNNING, JobStatus.CREATED).build());
        shapes.put("kind", JobQuery.builder().kind("MPIJob").build());
        shapes.put("tenant", JobQuery.builder().tenant("tenant-3").build());
        shapes.put("owner", JobQuery.builder().owner("owner-77").build());
        shapes.put("region", JobQuery.builder().region("eu").build());
        shapes.put("jobId", JobQuery.builder().jobId("uid-12345").build());
        shapes.put("inEtcd", JobQuery.builder().inEtcd(false).build());
        shapes.put("created range", JobQuery.builder().createdFrom(START.plusSeconds(86_400 * 10))
                .createdTo(START.plusSeconds(86_400 * 11)).build());
        shapes.put("namespace+kind+status", JobQuery.builder().namespace("ns-3").kind("TFJob").statuses(JobStatus.SUCCEEDED).build());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JobQuery> shape : shapes.entrySet()) {
            JobQuery first = shape.getValue();
            explain("jobs " + shape.getKey() + " (first page)", MySqlJobs.listStatement(first), true, problems);
            Page<JobRecord> page = store.jobs().list(first);
            if (page.hasNext()) {
                explain("jobs " + shape.getKey() + " (next page)", MySqlJobs.listStatement(first.nextPage(page.nextPageToken())), true, problems);
            }
            explain("count jobs " + shape.getKey(), MySqlJobs.countStatement(first), false, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void q4_everyPodListingShapeUsesAnIndexWithoutFilesort() throws SQLException {
        Map<String, PodQuery> shapes = new LinkedHashMap<>();
        shapes.put("no filter", PodQuery.builder().build());
        shapes.put("jobId", PodQuery.ofJob("uid-777"));
        shapes.put("jobId+replicaType", PodQuery.builder().jobId("uid-777").replicaType("worker").build());
        shapes.put("jobId+status", PodQuery.builder().jobId("uid-777").statuses(PodStatus.RUNNING).build());
        shapes.put("namespace+name", PodQuery.builder().namespace("ns-27").name("job-777-worker-1").build());
        shapes.put("status", PodQuery.builder().statuses(PodStatus.FAILED).build());
        shapes.put("replicaType", PodQuery.builder().replicaType("ps").build());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, PodQuery> shape : shapes.entrySet()) {
            PodQuery first = shape.getValue().toBuilder().pageSize(3).build();
            explain("pods " + shape.getKey() + " (first page)", MySqlPods.listStatement(first), true, problems);
            Page<?> page = store.pods().list(first);
            if (page.hasNext()) {
                explain("pods " + shape.getKey() + " (next page)", MySqlPods.listStatement(first.nextPage(page.nextPageToken())), true, problems);
            }
            explain("count pods " + shape.getKey(), MySqlPods.countStatement(first), false, problems);
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Shapes whose filter is (nearly) an identity: a job UID has one row per region, a pod
     * name a few re-created pods. Their handful of rows may be sorted in memory.
     */
    private static final List<String> BOUNDED = List.of("jobs jobId", "jobs namespace+name", "pods namespace+name");

    private void explain(String shape, SqlStatement statement, boolean ordered, List<String> problems) throws SQLException {
        // the store's own driver properties: the connection collation decides whether the
        // optimizer may treat an equality column as constant in ORDER BY
        java.util.Properties props = new java.util.Properties();
        props.putAll(MySqlSettings.from(db.configBuilder().build()).driverProperties());
        props.put("sslMode", "DISABLED");
        props.put("allowPublicKeyRetrieval", "true");
        props.put("user", db.user());
        props.put("password", db.password());
        String url = "jdbc:mysql://" + db.host() + ":" + db.port() + "/" + db.name();
        try (Connection c = DriverManager.getConnection(url, props); PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
            SqlWhere.bind(ps, statement.params(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString("type");
                    String key = rs.getString("key");
                    String extra = String.valueOf(rs.getString("Extra"));
                    String plan = shape + ": type=" + type + " key=" + key + " rows=" + rs.getString("rows") + " extra=" + extra;
                    System.out.println("scale test plan: " + plan);
                    if (key == null || "ALL".equals(type)) {
                        problems.add("full scan: " + plan);
                    } else if (ordered && extra.contains("filesort")
                            && !(BOUNDED.stream().anyMatch(shape::startsWith) && rs.getLong("rows") <= 10)) {
                        problems.add("filesort: " + plan);
                    }
                }
            }
        }
    }
}
