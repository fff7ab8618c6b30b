package io.kubedl.persist.cli;

import static io.kubedl.persist.cli.CliRun.NOW;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.spi.MetaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rows the command tests read: what the converters store for a few training jobs
 * (names, replica types and remarks as the Kubeflow operators and the converters write
 * them), including a job deleted and re-created under one name and a worker-10.
 */
final class History {
    static final String MNIST = "8f29de03-0000-4000-8000-000000000001";
    static final String BERT_OLD = "e19ea0f2-0000-4000-8000-000000000002";
    static final String BERT_NEW = "e19ea0f2-0000-4000-8000-000000000003";
    static final String GPT = "6dbca996-0000-4000-8000-000000000004";
    static final String ANCIENT = "47aa31a0-0000-4000-8000-000000000005";
    static final String OOM = "reason=OOMKilled, exitCode=137";
    /** The jobs deleted from the cluster; the controller marked them removed (D1). */
    static final java.util.Set<String> REMOVED = java.util.Set.of(MNIST, BERT_OLD, ANCIENT);

    private History() {
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static List<JobRecord> jobs() {
        return List.of(
                job(MNIST, "team-vision", "mnist", "TFJob", JobStatus.SUCCEEDED, "alice", "vision", "",
                        ago(Duration.ofDays(3)), ago(Duration.ofDays(3).minusMinutes(1)), ago(Duration.ofDays(2))),
                job(BERT_OLD, "team-nlp", "bert-finetune", "PyTorchJob", JobStatus.FAILED, "bob", null, "",
                        ago(Duration.ofDays(1)), ago(Duration.ofDays(1).minusMinutes(2)), ago(Duration.ofHours(20))),
                job(BERT_NEW, "team-nlp", "bert-finetune", "PyTorchJob", JobStatus.RUNNING, "bob", null, "",
                        ago(Duration.ofHours(2)), ago(Duration.ofHours(2).minusMinutes(1)), null),
                job(GPT, "team-nlp", "gpt_eval%v2", "PyTorchJob", JobStatus.RUNNING, "carol", null, "idc-2",
                        ago(Duration.ofHours(5)), ago(Duration.ofHours(4)), null),
                job(ANCIENT, "team-a", "old-allreduce", "MPIJob", JobStatus.FAILED, "dave", null, "",
                        ago(Duration.ofDays(120)), ago(Duration.ofDays(120).minusMinutes(3)), ago(Duration.ofDays(119))));
    }

    static List<PodRecord> pods() {
        Instant created = ago(Duration.ofDays(1));
        Instant failed = ago(Duration.ofHours(20));
        return List.of(
                pod("p-master-0", BERT_OLD, "bert-finetune-master-0", "master", PodStatus.FAILED, "reason=Error, exitCode=1",
                        created, failed),
                pod("p-worker-10", BERT_OLD, "bert-finetune-worker-10", "worker", PodStatus.STOPPED, null, created, failed),
                pod("p-worker-2", BERT_OLD, "bert-finetune-worker-2", "worker", PodStatus.FAILED, OOM, created,
                        failed.minusSeconds(30)),
                pod("p-worker-0", BERT_OLD, "bert-finetune-worker-0", "worker", PodStatus.STOPPED, null, created, failed),
                pod("p-mnist-ps-0", MNIST, "mnist-ps-0", "ps", PodStatus.STOPPED, null, ago(Duration.ofDays(3)),
                        ago(Duration.ofDays(2))),
                pod("p-old-launcher", ANCIENT, "old-allreduce-launcher", "launcher", PodStatus.FAILED, "reason=Error, exitCode=2",
                        ago(Duration.ofDays(120)), ago(Duration.ofDays(119))),
                pod("p-orphan", "0rphan00-0000-4000-8000-000000000009", "notebook-exporter-0", "worker", PodStatus.SUCCEEDED,
                        null, ago(Duration.ofDays(100)), ago(Duration.ofDays(99))));
    }

    static void seed(MetaStore store) {
        store.jobs().saveAll(jobs());
        store.pods().saveAll(pods());
        // deletions seen by the controller: D1 keeps the rows, marked removed at their finish time
        for (JobRecord job : jobs()) {
            if (REMOVED.contains(job.jobId())) {
                store.jobs().markRemoved(job.key(), job.gmtFinished());
            }
        }
        for (PodRecord pod : pods()) {
            store.pods().markRemoved(pod.key(), pod.gmtFinished());
        }
    }

    private static JobRecord job(String uid, String namespace, String name, String kind, JobStatus status, String owner,
            String tenant, String region, Instant created, Instant running, Instant finished) {
        return JobRecord.builder().jobId(uid).namespace(namespace).name(name).kind(kind).version("1000")
                .status(status).owner(owner).tenant(tenant).region(region).gmtCreated(created).gmtRunning(running)
                .gmtFinished(finished).resources("{\"Worker\":{\"replicas\":2}}").build();
    }

    private static PodRecord pod(String uid, String jobUid, String name, String type, PodStatus status, String remark,
            Instant created, Instant finished) {
        return PodRecord.builder().podId(uid).jobId(jobUid).name(name).namespace(name.startsWith("mnist") ? "team-vision"
                : name.startsWith("old") ? "team-a" : "team-nlp").version("2000").status(status).replicaType(type)
                .image("docker.io/kubeflow/pytorch-dist-mnist:v1").hostIp("10.0.3.11").podIp("10.244.1.7")
                .remark(remark).gmtCreated(created).gmtStarted(created.plusSeconds(40)).gmtFinished(finished).build();
    }
}
