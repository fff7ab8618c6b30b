package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.testkit.kubedl.KubedlJobRow;
import io.kubedl.persist.testkit.kubedl.KubedlPodRow;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A KubeDL database as its Go controller leaves it, of either generation: duplicate
 * rows of one UID from its select-then-insert race (the older row updated later, so
 * the newest version is not the highest id; "9" and "10" so a text comparison would
 * pick wrong), NULL regions, '' tenants, a tenancy job with region, remark and a
 * stop, a job the console soft-deleted, pods left Running by the swapped StopPod
 * arguments, and rows that cannot be converted. The rows expected to be kept are
 * named here by hand, not computed.
 */
final class KubedlScenario {
    /** Summer (UTC-4 in New York, UTC+8 in Shanghai) and winter (UTC-5) instants: DST matters. */
    static final Instant SUMMER = Instant.parse("2023-07-14T09:30:05Z");
    static final Instant WINTER = Instant.parse("2023-01-20T23:45:10Z");

    final KubedlSchema schema;
    final ZoneId zone;
    final List<KubedlJobRow> keptJobs = new ArrayList<>();
    final List<KubedlPodRow> keptPods = new ArrayList<>();
    final List<Long> droppedJobIds = new ArrayList<>();
    final List<Long> droppedPodIds = new ArrayList<>();
    long mnistWinnerId;
    long mnistLoserId;
    long resnetWinnerId;
    long resnetLoserId;
    long brokenJobId;
    long brokenPodId;
    long podTieWinnerId;
    long podTieLoserId;

    KubedlScenario(KubedlSchema schema, ZoneId zone) {
        this.schema = schema;
        this.zone = zone;
    }

    /** Fills KubeDL's tables (created first). */
    KubedlScenario fill(Connection c) throws SQLException {
        schema.createTables(c);
        boolean seed = schema == KubedlSchema.SEED;
        // mnist: inserted at 100; a racing save inserted a second row at 101; the next save found the first row
        // (gorm First: lowest id) and updated every row at version 100 to 102 Succeeded: the winner is the lower id
        KubedlJobRow mnist = KubedlJobRow.running("mnist", "uid-mnist", "100", SUMMER);
        if (seed) {
            mnist = mnist.withRemark(null, null);
        }
        mnistWinnerId = mnist.insert(c, schema, zone);
        mnistLoserId = mnist.withVersion("101").insert(c, schema, zone);
        KubedlJobRow mnistFinal = mnist.withVersion("102").withStatus("Succeeded", SUMMER.plusSeconds(3600));
        update(c, "job_info", mnistFinal.version(), mnistFinal.status(), "gmt_" + (seed ? "" : "job_")
                + "finished", SUMMER.plusSeconds(3600));
        keptJobs.add(mnistFinal);
        droppedJobIds.add(mnistLoserId);

        // resnet: versions 9 and 10 (KEP-5504: longer is newer)
        KubedlJobRow resnet = KubedlJobRow.running("resnet", "uid-resnet", "9", WINTER);
        if (seed) {
            resnet = resnet.withRemark(null, null);
        }
        resnetLoserId = resnet.insert(c, schema, zone);
        KubedlJobRow resnet10 = resnet.withVersion("10");
        resnetWinnerId = resnet10.insert(c, schema, zone);
        keptJobs.add(resnet10);
        droppedJobIds.add(resnetLoserId);

        // a tenancy job in a region, stopped by StopJob (status Stopped, out of etcd, finished at the stop)
        KubedlJobRow tenancy = KubedlJobRow.running("bert", "uid-bert", "77", SUMMER.plusSeconds(60))
                .withTenancy("cn-hangzhou", "team-a", "alice").withFlags(0, 0)
                .withStatus("Stopped", SUMMER.plusSeconds(600));
        tenancy = seed ? tenancy.withRemark(null, null) : tenancy.withRemark("EnableTensorBoard", SUMMER.plusSeconds(80));
        tenancy.insert(c, schema, zone);
        keptJobs.add(tenancy);

        // the console's DeleteJob: deleted = 1 (only once out of etcd)
        KubedlJobRow gone = KubedlJobRow.running("old", "uid-old", "5", WINTER).withFlags(1, 0).withStatus("Failed",
                WINTER.plusSeconds(30));
        (seed ? gone.withRemark(null, null) : gone).insert(c, schema, zone);

        // a version that is no resourceVersion
        KubedlJobRow broken = KubedlJobRow.running("broken", "uid-broken", "", WINTER);
        brokenJobId = (seed ? broken.withRemark(null, null) : broken).insert(c, schema, zone);

        KubedlPodRow w0 = KubedlPodRow.running("mnist-worker-0", "uid-w0", "uid-mnist", "200", SUMMER)
                .withEnd("Succeeded", null, SUMMER.plusSeconds(3500), 1);
        w0.insert(c, schema, zone);
        keptPods.add(w0);
        // worker-10 left Running and in etcd: StopPod(name, namespace, uid) never finds it; two rows, same version
        KubedlPodRow w10 = KubedlPodRow.running("mnist-worker-10", "uid-w10", "uid-mnist", "300", SUMMER);
        podTieLoserId = w10.insert(c, schema, zone);
        podTieWinnerId = w10.insert(c, schema, zone);
        keptPods.add(w10);
        droppedPodIds.add(podTieLoserId);
        KubedlPodRow w9 = KubedlPodRow.running("mnist-worker-9", "uid-w9", "uid-mnist", "310", SUMMER)
                .withEnd("Failed", "Reason: OOMKilled\nExitCode: 137\nMessage: ", SUMMER.plusSeconds(100), 1)
                .withRegion("cn-hangzhou");
        w9.insert(c, schema, zone);
        keptPods.add(w9);
        KubedlPodRow ps = new KubedlPodRow("mnist-ps-0", "default", "uid-ps0", "205", "Running", "kubedl/tf-mnist:1.0",
                "uid-mnist", "ps", "{}", null, null, null, 0, 1, null, WINTER, WINTER.plusSeconds(1), null, null);
        ps.insert(c, schema, zone);
        keptPods.add(ps);
        // a pod without containers gets status '' from ConvertPodToDMOPod (Kubernetes forbids it; the column allows it)
        KubedlPodRow empty = new KubedlPodRow("mnist-x-1", "default", "uid-x1", "206", "", null, "uid-mnist", "x", "{}",
                null, null, null, 0, 1, null, WINTER, WINTER, null, null);
        brokenPodId = empty.insert(c, schema, zone);
        return this;
    }

    /** updateJob's statement: every row of that name, UID and old version (region NULL: not in the WHERE). */
    private void update(Connection c, String table, String version, String status, String finishedColumn,
            Instant finished) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE " + table + " SET version = ?, status = ?, " + finishedColumn
                + " = ? WHERE name = 'mnist' AND job_id = 'uid-mnist' AND version = '100'")) {
            ps.setString(1, version);
            ps.setString(2, status);
            ps.setObject(3, finished.atZone(zone).toLocalDateTime());
            ps.executeUpdate();
        }
    }
}
