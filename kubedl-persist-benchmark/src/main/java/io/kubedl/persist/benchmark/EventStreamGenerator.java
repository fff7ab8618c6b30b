package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates a realistic, seeded stream of watch events: jobs of several kinds start one
 * after another, each with 2..32 pods; every object goes through about six observed
 * states (status transitions plus status noise: condition and annotation updates that
 * bump the resourceVersion); 10% of the jobs are deleted while running; the others are
 * removed some time after they finished (TTL), so removals cluster towards the end.
 * ResourceVersions are one cluster-wide counter in event-time order, as etcd assigns
 * them. Then 5% of the saves are delivered a second time a little later (a watch
 * re-list): a duplicate, or an out-of-order older version when a newer one came first.
 */
final class EventStreamGenerator {
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] KINDS = {"TFJob", "PyTorchJob", "XGBoostJob", "MPIJob", "MarsJob"};
    private static final int NAMESPACES = 10;
    private static final double REDELIVERED = 0.05;
    private static final double DELETED_WHILE_RUNNING = 0.10;

    private final Random random;

    EventStreamGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** An event whose resourceVersion is assigned once all events are in time order. */
    private record Draft(long time, int order, Function<String, ClusterEvent> make) {
    }

    EventStream generate(int jobs) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            addJob(i, drafts);
        }
        drafts.sort(Comparator.comparingLong(Draft::time).thenComparingInt(Draft::order));
        long revision = 5_000_000L;
        List<ClusterEvent> inOrder = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            inOrder.add(draft.make().apply(Long.toString(revision += 1 + random.nextInt(3))));
        }
        List<ClusterEvent> delivered = redeliver(inOrder);
        Map<JobKey, JobRecord> finalJobs = new LinkedHashMap<>();
        Map<PodKey, PodRecord> finalPods = new LinkedHashMap<>();
        for (ClusterEvent event : delivered) {
            ContractModel.apply(event, finalJobs, finalPods);
        }
        return new EventStream(List.copyOf(delivered), finalJobs, finalPods, delivered.size() - inOrder.size());
    }

    private List<ClusterEvent> redeliver(List<ClusterEvent> events) {
        List<List<ClusterEvent>> extra = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            extra.add(null);
        }
        for (int i = 0; i < events.size(); i++) {
            ClusterEvent e = events.get(i);
            boolean save = e instanceof ClusterEvent.JobSaved || e instanceof ClusterEvent.PodSaved;
            if (save && random.nextDouble() < REDELIVERED) {
                // half arrive soon after (duplicates), half late enough to follow a newer version (out of order)
                int delay = random.nextBoolean() ? 1 + random.nextInt(64) : 64 + random.nextInt(4096);
                int at = Math.min(events.size() - 1, i + delay);
                if (extra.get(at) == null) {
                    extra.set(at, new ArrayList<>(1));
                }
                extra.get(at).add(e);
            }
        }
        List<ClusterEvent> out = new ArrayList<>(events.size() + events.size() / 16);
        for (int i = 0; i < events.size(); i++) {
            out.add(events.get(i));
            if (extra.get(i) != null) {
                out.addAll(extra.get(i));
            }
        }
        return out;
    }

    private void addJob(int index, List<Draft> drafts) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        String namespace = "team-" + random.nextInt(NAMESPACES);
        String name = kind.toLowerCase() + "-" + index;
        String jobId = new UUID(random.nextLong(), random.nextLong()).toString();
        long start = index * 3L + random.nextInt(3);
        Instant created = BASE.plusSeconds(start);
        JobRecord.Builder job = JobRecord.builder().jobId(jobId).name(name).namespace(namespace).kind(kind)
                .tenant("tenant-" + namespace).owner("user-" + random.nextInt(50))
                .resources("{\"Worker\":{\"replicas\":" + (1 + random.nextInt(32)) + ",\"cpu\":\"4\",\"memory\":\"16Gi\"}}")
                .gmtCreated(created).gmtModified(created);
        long running = start + 5 + random.nextInt(10);
        long noise1 = running + 1 + random.nextInt(30);
        long noise2 = noise1 + 1 + random.nextInt(30);
        long noise3 = noise2 + 1 + random.nextInt(60);
        long finished = noise3 + 30 + random.nextInt(600);
        boolean deletedWhileRunning = random.nextDouble() < DELETED_WHILE_RUNNING;
        boolean failed = random.nextInt(10) == 0;
        long removed = deletedWhileRunning ? noise1 + 1 + random.nextInt(20)
                : finished + 60 + random.nextInt(Math.max(1, index * 3 / 2 + 600));

        jobStep(drafts, job, start, JobStatus.CREATED, null, removed);
        jobStep(drafts, job, running, JobStatus.RUNNING, "running", removed);
        jobStep(drafts, job, noise1, JobStatus.RUNNING, "tensorboard ready", removed);
        jobStep(drafts, job, noise2, JobStatus.RUNNING, "checkpoint 1", removed);
        jobStep(drafts, job, noise3, JobStatus.RUNNING, "checkpoint 2", removed);
        jobStep(drafts, job, finished, failed ? JobStatus.FAILED : JobStatus.SUCCEEDED, "done", removed);
        JobKey jobKey = new JobKey("", jobId);
        drafts.add(new Draft(removed, 2, v -> new ClusterEvent.JobRemoved(jobKey, BASE.plusSeconds(removed))));

        int pods = 2 + random.nextInt(31);
        String image = "registry.example/" + kind.toLowerCase() + ":" + (1 + random.nextInt(9));
        for (int p = 0; p < pods; p++) {
            String replicaType = p == 0 ? "master" : "worker";
            String podName = name + "-" + replicaType + "-" + (p == 0 ? 0 : p - 1);
            String podId = new UUID(random.nextLong(), random.nextLong()).toString();
            long podStart = start + 1 + random.nextInt(3);
            PodRecord.Builder pod = PodRecord.builder().podId(podId).name(podName).namespace(namespace).jobId(jobId)
                    .replicaType(replicaType).image(image).resources("{\"cpu\":\"4\",\"memory\":\"16Gi\"}")
                    .gmtCreated(BASE.plusSeconds(podStart)).gmtModified(BASE.plusSeconds(podStart));
            String host = "10.0." + random.nextInt(256) + "." + random.nextInt(256);
            String ip = "172.16." + random.nextInt(256) + "." + random.nextInt(256);
            long scheduled = podStart + 1 + random.nextInt(3);
            long started = Math.max(scheduled + 1, running - 2 + random.nextInt(4));
            long podNoise1 = started + 1 + random.nextInt(30);
            long podNoise2 = podNoise1 + 1 + random.nextInt(60);
            long podFinished = Math.max(podNoise2 + 1, finished - 1 - random.nextInt(5));
            podStep(drafts, pod, podStart, PodStatus.PENDING, removed);
            pod.hostIp(host);
            podStep(drafts, pod, scheduled, PodStatus.PENDING, removed);
            pod.podIp(ip).gmtStarted(BASE.plusSeconds(started));
            podStep(drafts, pod, started, PodStatus.RUNNING, removed);
            pod.remark("ready");
            podStep(drafts, pod, podNoise1, PodStatus.RUNNING, removed);
            pod.remark("restarts=0");
            podStep(drafts, pod, podNoise2, PodStatus.RUNNING, removed);
            pod.gmtFinished(BASE.plusSeconds(podFinished)).remark(failed && p == 1 ? "OOMKilled" : "Completed");
            podStep(drafts, pod, podFinished, failed && p == 1 ? PodStatus.FAILED : PodStatus.SUCCEEDED, removed);
            PodKey podKey = new PodKey("", podId);
            // pods go with their job: the garbage collector deletes them right after it
            long podRemoved = removed + 1 + random.nextInt(3);
            drafts.add(new Draft(podRemoved, 3, v -> new ClusterEvent.PodRemoved(podKey,
                    BASE.plusSeconds(podRemoved))));
        }
    }

    private static void jobStep(List<Draft> drafts, JobRecord.Builder job, long time, JobStatus status,
                                String remark, long removed) {
        if (time >= removed) {
            return;
        }
        JobRecord before = job.version("1").build();
        Instant at = BASE.plusSeconds(time);
        job.status(status).remark(remark);
        if (!status.equals(before.status())) {
            job.gmtModified(at);
        }
        if (status.equals(JobStatus.RUNNING) && before.gmtRunning() == null) {
            job.gmtRunning(at);
        }
        if (status.isFinished()) {
            job.gmtFinished(at);
        }
        JobRecord.Builder snapshot = job.build().toBuilder();
        drafts.add(new Draft(time, 0, v -> new ClusterEvent.JobSaved(snapshot.version(v).build())));
    }

    private static void podStep(List<Draft> drafts, PodRecord.Builder pod, long time, PodStatus status,
                                long removed) {
        if (time >= removed) {
            return;
        }
        PodRecord before = pod.version("1").build();
        pod.status(status);
        if (!status.equals(before.status())) {
            pod.gmtModified(BASE.plusSeconds(time));
        }
        PodRecord.Builder snapshot = pod.build().toBuilder();
        drafts.add(new Draft(time, 1, v -> new ClusterEvent.PodSaved(snapshot.version(v).build())));
    }
}
