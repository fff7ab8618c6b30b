package io.kubedl.persist.tck;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic job and pod records for tests: a TFJob or PyTorchJob with a fresh UID,
 * resourceVersions like an api-server's, resources JSON, and workers named as the
 * KubeDL operators name them ({@code <job>-worker-<i>}). Every record made by one
 * instance has a later gmtCreated than the one before (one second apart), so the
 * creation order is the call order.
 *
 * <p>Plugin authors MAY reuse it in their own tests. Thread-safe.
 */
public final class TckRecords {
    /** The creation time of the first record an instance makes. */
    public static final Instant EPOCH = Instant.parse("2026-03-02T09:00:00Z");
    /** The namespace records are created in unless told otherwise. */
    public static final String NAMESPACE = "kubedl-tck";

    private static final String TF_RESOURCES = "{\"PS\":{\"replicas\":1,\"resources\":{\"limits\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}},"
            + "\"Worker\":{\"replicas\":2,\"resources\":{\"limits\":{\"cpu\":\"4\",\"memory\":\"8Gi\",\"nvidia.com/gpu\":\"1\"}}}}";
    private static final String TORCH_RESOURCES = "{\"Master\":{\"replicas\":1,\"resources\":{\"limits\":{\"cpu\":\"4\"}}},"
            + "\"Worker\":{\"replicas\":3,\"resources\":{\"limits\":{\"cpu\":\"8\",\"nvidia.com/gpu\":\"2\"}}}}";
    private static final String POD_RESOURCES = "{\"limits\":{\"cpu\":\"4\",\"memory\":\"8Gi\"},\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}";

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong versions = new AtomicLong(48_210);

    /** @return a fresh Kubernetes-style UID */
    public static String uid() {
        return UUID.randomUUID().toString();
    }

    /** @return the next creation time: one second after the previous one */
    public Instant nextCreated() {
        return EPOCH.plus(Duration.ofSeconds(clock.getAndIncrement()));
    }

    /** @return the next resourceVersion, as an api-server would hand out */
    public String nextVersion() {
        return Long.toString(versions.incrementAndGet());
    }

    /**
     * @param name job name
     * @return a created TFJob with PS and workers, version {@link #nextVersion()}
     */
    public JobRecord tfJob(String name) {
        return job("TFJob", name).resources(TF_RESOURCES).build();
    }

    /**
     * @param name job name
     * @return a created PyTorchJob with a master and workers
     */
    public JobRecord pyTorchJob(String name) {
        return job("PyTorchJob", name).resources(TORCH_RESOURCES).build();
    }

    /**
     * @param kind the kind, e.g. {@code TFJob}
     * @param name job name
     * @return a builder of a created job in {@link #NAMESPACE}, empty region, fresh UID
     */
    public JobRecord.Builder job(String kind, String name) {
        Instant created = nextCreated();
        return JobRecord.builder()
                .region("")
                .jobId(uid())
                .name(name)
                .namespace(NAMESPACE)
                .kind(kind)
                .version(nextVersion())
                .status(JobStatus.CREATED)
                .tenant("team-vision")
                .owner("alice")
                .inEtcd(true)
                .gmtCreated(created)
                .gmtModified(created);
    }

    /**
     * @param job the owning job
     * @param count how many workers
     * @return pending workers {@code <job>-worker-0 .. <job>-worker-(count-1)}, in that order
     */
    public List<PodRecord> workers(JobRecord job, int count) {
        List<PodRecord> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pods.add(pod(job, "worker", i).build());
        }
        return pods;
    }

    /**
     * @param job the owning job (its region, namespace and UID are copied)
     * @param replicaType e.g. {@code worker}, {@code ps}, {@code master}
     * @param index the replica index
     * @return a builder of a pending pod {@code <job>-<type>-<index>}
     */
    public PodRecord.Builder pod(JobRecord job, String replicaType, int index) {
        Instant created = nextCreated();
        return PodRecord.builder()
                .region(job.region())
                .podId(uid())
                .name(job.name() + "-" + replicaType + "-" + index)
                .namespace(job.namespace())
                .jobId(job.jobId())
                .version(nextVersion())
                .status(PodStatus.PENDING)
                .image("registry.example.com/kubedl/mnist:2.14-gpu")
                .replicaType(replicaType)
                .resources(POD_RESOURCES)
                .inEtcd(true)
                .gmtCreated(created)
                .gmtModified(created);
    }

    /**
     * @param job a job
     * @return the same job one step later: Running, next version, gmtRunning set
     */
    public JobRecord running(JobRecord job) {
        Instant at = nextCreated();
        return job.toBuilder().version(nextVersion()).status(JobStatus.RUNNING).gmtModified(at).gmtRunning(at).build();
    }

    /**
     * @param job a job
     * @return the same job one step later: Succeeded, next version, gmtFinished set
     */
    public JobRecord succeeded(JobRecord job) {
        Instant at = nextCreated();
        return job.toBuilder().version(nextVersion()).status(JobStatus.SUCCEEDED).gmtModified(at).gmtFinished(at).build();
    }

    /**
     * @param pod a pod
     * @return the same pod one step later: Running on a node, next version, gmtStarted set
     */
    public PodRecord running(PodRecord pod) {
        Instant at = nextCreated();
        return pod.toBuilder().version(nextVersion()).status(PodStatus.RUNNING).hostIp("10.0.3.17").podIp("172.16.4.21")
                .gmtModified(at).gmtStarted(at).build();
    }

    /**
     * @param pod a pod
     * @return the same pod one step later: Succeeded, next version, gmtFinished set
     */
    public PodRecord succeeded(PodRecord pod) {
        Instant at = nextCreated();
        return pod.toBuilder().version(nextVersion()).status(PodStatus.SUCCEEDED).gmtModified(at).gmtFinished(at).build();
    }
}
