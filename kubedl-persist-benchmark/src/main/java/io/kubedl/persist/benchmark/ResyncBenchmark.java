package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.testkit.TestServer;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a resync costs: N live objects (one job per 19 pods, all Running) are written
 * once through the write-behind decorator, then all delivered again with the same
 * versions, twice: to the same decorator (an informer's periodic resync: the decorator
 * remembers what it wrote) and to a new one over the same store (a restarted
 * controller: nothing remembered, the store answers). For each delivery: time until
 * flushed, the server's counters and the decorator's calls to the store. The memory of
 * the remembered versions is the live heap of the first decorator after its flush.
 */
final class ResyncBenchmark {
    private static final Instant CREATED = Instant.parse("2026-06-01T00:00:00Z");
    private static final int PODS_PER_JOB = 19;

    /**
     * @param name which delivery
     * @param nanos from the first submit until flushed
     * @param counters the server's counters over the delivery
     * @param calls the decorator's calls to the store, per operation
     * @param callCount how many calls
     */
    record Delivery(String name, long nanos, Map<String, Long> counters, String calls, int callCount) {
    }

    /**
     * @param objects live objects delivered
     * @param deliveries first write, informer resync, restarted controller
     * @param rememberedMiB live heap the first decorator keeps after its flush (remembered versions)
     * @param rows rows in the tables at the end
     */
    record Result(int objects, List<Delivery> deliveries, double rememberedMiB, long rows) {
    }

    private final TestServer server;
    private final int batch;
    private final int writers;
    private final Duration maxDelay;

    ResyncBenchmark(TestServer server, int batch, int writers, Duration maxDelay) {
        this.server = server;
        this.batch = batch;
        this.writers = writers;
        this.maxDelay = maxDelay;
    }

    Result run(int objects) throws SQLException {
        List<Object> live = liveObjects(objects);
        try (BenchDatabase db = BenchDatabase.create(server, "resync"); ServerCounters counters = new ServerCounters(server)) {
            List<Delivery> deliveries = new ArrayList<>();
            double before = HeapPeak.liveMebibytes();
            TimedPersist firstCalls = new TimedPersist(new LatencySamples());
            WriteBehindStore first = open(db, firstCalls, "resync-first");
            double remembered;
            try {
                deliveries.add(deliver("first delivery (rows written)", live, first, firstCalls, counters));
                remembered = HeapPeak.liveMebibytes() - before;
                deliveries.add(deliver("informer resync (same decorator)", live, first, firstCalls, counters));
            } finally {
                close(first);
            }
            TimedPersist restartedCalls = new TimedPersist(new LatencySamples());
            WriteBehindStore restarted = open(db, restartedCalls, "resync-restarted");
            try {
                deliveries.add(deliver("restarted controller (new decorator)", live, restarted, restartedCalls,
                        counters));
            } finally {
                close(restarted);
            }
            return new Result(live.size(), deliveries, remembered, rows(db));
        }
    }

    private WriteBehindStore open(BenchDatabase db, TimedPersist timed, String name) {
        return WriteBehindStore.wrap(timed.jobs(db.store().jobs()), timed.pods(db.store().pods()), WriteBehindOptions.builder().name(name).maxBatchSize(batch)
                .writerThreads(writers).maxDelay(maxDelay).maxPendingIdentities(Math.max(100_000, batch))
                .build());
    }

    private static void close(WriteBehindStore store) {
        CloseReport report = store.close(Duration.ofSeconds(60));
        if (!report.complete()) {
            throw new IllegalStateException("resync benchmark lost writes: " + report);
        }
    }

    private static Delivery deliver(String name, List<Object> live, WriteBehindStore store, TimedPersist timed,
                                    ServerCounters counters) {
        Map<String, Long> callsBefore = timed.callCounts();
        Map<String, Long> before = counters.snapshot();
        long started = System.nanoTime();
        for (Object object : live) {
            if (object instanceof JobRecord job) {
                store.submit(job);
            } else {
                store.submit((PodRecord) object);
            }
        }
        store.flush();
        long nanos = System.nanoTime() - started;
        Map<String, Long> server = ServerCounters.delta(before, counters.snapshot());
        Map<String, Long> calls = new java.util.TreeMap<>(timed.callCounts());
        calls.replaceAll((op, n) -> n - callsBefore.getOrDefault(op, 0L));
        int callCount = (int) calls.values().stream().mapToLong(Long::longValue).sum();
        return new Delivery(name, nanos, server, TimedPersist.describe(calls), callCount);
    }

    private static long rows(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM job_info) + (SELECT COUNT(*) FROM replica_info)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** N live objects: jobs with their pods, Running, each at its own version. */
    static List<Object> liveObjects(int objects) {
        List<Object> live = new ArrayList<>(objects);
        AtomicInteger version = new AtomicInteger(1000);
        for (int j = 0; live.size() < objects; j++) {
            String jobId = String.format("00000000-0000-4000-8000-%012d", j);
            String namespace = "team-" + (j % 10);
            String name = "resync-" + j;
            live.add(JobRecord.builder().jobId(jobId).name(name).namespace(namespace).kind("PyTorchJob")
                    .version(Integer.toString(version.incrementAndGet())).status(JobStatus.RUNNING)
                    .resources("{\"Worker\":{\"replicas\":" + PODS_PER_JOB + ",\"cpu\":\"4\",\"memory\":\"16Gi\"}}")
                    .tenant("tenant-" + namespace).owner("user-" + (j % 50)).gmtCreated(CREATED.plusSeconds(j))
                    .gmtModified(CREATED.plusSeconds(j + 5)).gmtRunning(CREATED.plusSeconds(j + 5)).build());
            for (int p = 0; p < PODS_PER_JOB && live.size() < objects; p++) {
                String type = p == 0 ? "Master" : "Worker";
                int index = p == 0 ? 0 : p - 1;
                live.add(PodRecord.builder().podId(String.format("10000000-0000-4000-8000-%06d%06d", j, p))
                        .name(name + "-" + type.toLowerCase(java.util.Locale.ROOT) + "-" + index).namespace(namespace)
                        .jobId(jobId).replicaType(type).image("pytorch/pytorch:2.4")
                        .resources("{\"cpu\":\"4\",\"memory\":\"16Gi\"}").version(Integer.toString(version.incrementAndGet()))
                        .status(PodStatus.RUNNING).hostIp("10.0." + (j % 256) + "." + (p % 256))
                        .podIp("172.16." + (j % 256) + "." + (p % 256)).gmtCreated(CREATED.plusSeconds(j))
                        .gmtModified(CREATED.plusSeconds(j + 4)).gmtStarted(CREATED.plusSeconds(j + 4)).build());
            }
        }
        return live;
    }
}
