package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query latency at a given table size: both tables are filled with {@code rows} rows
 * each (multi-row INSERTs, seeded data: 20 namespaces, 5 kinds, a realistic status mix,
 * 16 pods per job), then each query shape runs {@value #WARM_UP} times untimed and
 * {@value #REPEATS} times timed, rotating over namespaces and jobs.
 */
final class QueryScaling {
    private static final Logger log = LoggerFactory.getLogger(QueryScaling.class);
    static final int WARM_UP = 30;
    static final int REPEATS = 300;
    /** The deep page: the page number reached by following tokens. */
    static final int DEEP_PAGE = 5;
    private static final int NAMESPACES = 20;
    private static final int PODS_PER_JOB = 16;
    private static final String[] KINDS = {"TFJob", "PyTorchJob", "XGBoostJob", "MPIJob", "MarsJob"};
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

    /** The query shapes, in print order. */
    static final List<String> SHAPES = List.of("listJobs ns+status, first page",
            "listJobs ns+status, page " + DEEP_PAGE + " via token", "count jobs ns+status", "listPods by job");

    private final TestServer server;
    private final long seed;

    QueryScaling(TestServer server, long seed) {
        this.server = server;
        this.seed = seed;
    }

    /** @return latencies by query shape */
    Map<String, LatencySamples> measure(int rows) throws SQLException {
        try (BenchDatabase db = BenchDatabase.create(server, "query")) {
            long t = System.nanoTime();
            List<String> jobIds = fill(db, rows);
            log.info("filled {} job and {} pod rows in {} s", rows, rows, (System.nanoTime() - t) / 1_000_000_000);
            MetaStore store = db.store();
            Map<String, LatencySamples> results = new LinkedHashMap<>();
            results.put(SHAPES.get(0), time(i -> () -> store.jobs().list(jobQuery(i).build())));
            List<String> deepTokens = new ArrayList<>();
            for (int ns = 0; ns < NAMESPACES; ns++) {
                deepTokens.add(tokenOfPage(store, ns));
            }
            results.put(SHAPES.get(1), time(i -> () -> store.jobs().list(jobQuery(i)
                    .pageToken(deepTokens.get(i % NAMESPACES)).build())));
            results.put(SHAPES.get(2), time(i -> () -> store.jobs().count(jobQuery(i).build())));
            results.put(SHAPES.get(3), time(i -> () -> store.pods().list(PodQuery.builder()
                    .jobId(jobIds.get((i * 7919) % jobIds.size())).build())));
            return results;
        }
    }

    private static JobQuery.Builder jobQuery(int i) {
        return JobQuery.builder().namespace("team-" + (i % NAMESPACES)).statuses(JobStatus.SUCCEEDED).pageSize(50);
    }

    private static String tokenOfPage(MetaStore store, int namespace) {
        String token = null;
        for (int page = 1; page < DEEP_PAGE; page++) {
            Page<JobRecord> p = store.jobs().list(jobQuery(namespace).pageToken(token).build());
            token = p.nextPageToken();
            if (token == null) {
                throw new IllegalStateException("too few rows for page " + DEEP_PAGE + " of namespace team-"
                        + namespace + ": use at least 10000 rows");
            }
        }
        return token;
    }

    private static LatencySamples time(IntFunction<Runnable> query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.apply(i).run();
        }
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < REPEATS; i++) {
            Runnable run = query.apply(i);
            long t = System.nanoTime();
            run.run();
            samples.since(t);
        }
        return samples;
    }

    private List<String> fill(BenchDatabase db, int rows) throws SQLException {
        Random random = new Random(seed);
        int chunk = 1000;
        List<String> jobIds = new ArrayList<>(rows);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            List<JobRecord> jobs = new ArrayList<>(chunk);
            for (int i = 0; i < rows; i++) {
                JobRecord job = job(i, random);
                jobIds.add(job.jobId());
                jobs.add(job);
                if (jobs.size() == chunk || i == rows - 1) {
                    insert(c, BaselineSql.JOBS, RowMapping.JOBS, jobs);
                    jobs.clear();
                }
            }
            List<PodRecord> pods = new ArrayList<>(chunk);
            for (int i = 0; i < rows; i++) {
                pods.add(pod(i, jobIds.get(i / PODS_PER_JOB), random));
                if (pods.size() == chunk || i == rows - 1) {
                    insert(c, BaselineSql.PODS, RowMapping.PODS, pods);
                    pods.clear();
                }
            }
            c.setAutoCommit(true);
        }
        return jobIds.subList(0, Math.max(1, rows / PODS_PER_JOB));
    }

    private static <R> void insert(Connection c, BaselineSql sql, RowMapping<R> mapping, List<R> rows)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql.insertRows(rows.size()))) {
            int index = 1;
            for (R row : rows) {
                index = mapping.bind(insert, index, row);
            }
            insert.executeUpdate();
        }
        c.commit();
    }

    private static JobRecord job(int i, Random random) {
        int roll = random.nextInt(100);
        JobStatus status = roll < 5 ? JobStatus.CREATED : roll < 15 ? JobStatus.RUNNING : roll < 75
                ? JobStatus.SUCCEEDED : roll < 90 ? JobStatus.FAILED : JobStatus.STOPPED;
        Instant created = BASE.plusSeconds(i * 30L + random.nextInt(30));
        return JobRecord.builder().jobId(new UUID(random.nextLong(), random.nextLong()).toString())
                .name("job-" + i).namespace("team-" + random.nextInt(NAMESPACES))
                .kind(KINDS[random.nextInt(KINDS.length)]).version(Integer.toString(1_000_000 + i))
                .status(status).inEtcd(!status.isFinished()).owner("user-" + random.nextInt(50))
                .gmtCreated(created).gmtModified(created)
                .gmtFinished(status.isFinished() ? created.plusSeconds(3600) : null).build();
    }

    private static PodRecord pod(int i, String jobId, Random random) {
        Instant created = BASE.plusSeconds(i * 2L);
        int replica = i % PODS_PER_JOB;
        return PodRecord.builder().podId(new UUID(random.nextLong(), random.nextLong()).toString())
                .name("job-" + (i / PODS_PER_JOB) + "-" + (replica == 0 ? "master-0" : "worker-" + (replica - 1)))
                .namespace("team-" + random.nextInt(NAMESPACES)).jobId(jobId)
                .replicaType(replica == 0 ? "master" : "worker").version(Integer.toString(2_000_000 + i))
                .status(PodStatus.SUCCEEDED).inEtcd(false).gmtCreated(created).gmtModified(created)
                .gmtFinished(created.plusSeconds(3600)).build();
    }
}
