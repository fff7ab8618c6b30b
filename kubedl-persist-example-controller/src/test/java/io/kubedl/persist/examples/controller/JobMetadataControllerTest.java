package io.kubedl.persist.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller end to end against fabric8's Kubernetes mock server in CRUD mode (a
 * real HTTP API server with watches) and the MySQL provider on the test kit's server:
 * jobs and pods created,
 * statuses updated, a job deleted while the controller runs, then the controller
 * stopped, a job deleted while it is down, and the controller started again.
 */
@EnableKubernetesMockClient(crud = true)
class JobMetadataControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    static KubernetesClient client;

    @Test
    void recordsLifecyclesAndTheDeletionsMadeWhileItWasDown() {
        try (TestDatabase database = TestServers.shared().createDatabase("controller_test");
             MetaStore store = MetaStorage.open(database.configBuilder().build());
             JobMetadataController controller = controller(store);
             JobMetadataController restarted = controller(store)) {
            assertThat(controller.start()).isEqualTo(new JobMetadataController.ReconcileResult(0, 0));

            GenericKubernetesResource mnist = create(job(TrainingJobKind.TF_JOB, "team-vision", "mnist"));
            Pod mnistWorker = client.resource(pod(mnist, "worker", 0)).create();
            GenericKubernetesResource bert = create(job(TrainingJobKind.PYTORCH_JOB, "team-nlp", "bert"));
            Pod bertMaster = client.resource(pod(bert, "master", 0)).create();
            GenericKubernetesResource broken = job(TrainingJobKind.TF_JOB, "team-vision", "broken");
            // a malformed replica count refuses the job (a malformed tenancy annotation no longer does: it is left out)
            broken.getAdditionalProperties().put("spec", Map.of("tfReplicaSpecs", Map.of("Worker", Map.of("replicas", "two"))));
            broken = create(broken);
            awaitJob(store, mnist, JobStatus.CREATED, true);
            awaitJob(store, bert, JobStatus.CREATED, true);
            awaitPod(store, mnistWorker, PodStatus.PENDING, true);
            Await.until("the job with a malformed replica count skipped and counted", WAIT, () -> controller.refusedEvents() == 1);
            assertThat(store.jobs().get(key(broken))).as("nothing stored for it").isEmpty();

            mnist = update(withCondition(mnist, "Running"));
            mnistWorker = client.resource(running(mnistWorker)).update();
            bert = update(withCondition(bert, "Running"));
            awaitJob(store, mnist, JobStatus.RUNNING, true);
            awaitPod(store, mnistWorker, PodStatus.RUNNING, true);
            awaitJob(store, bert, JobStatus.RUNNING, true);

            // deleted while the controller runs: the DELETED events mark the rows removed
            client.resource(bertMaster).delete();
            delete(bert);
            JobRecord bertRow = awaitJob(store, bert, JobStatus.STOPPED, false);
            assertThat(bertRow.gmtFinished()).isNotNull();
            awaitPod(store, bertMaster, PodStatus.STOPPED, false);

            CloseReport drained = controller.stop();
            assertThat(drained.complete()).as("drained on stop: %s", drained).isTrue();

            // while the controller is down: mnist and its worker are deleted, a new job appears
            client.resource(mnistWorker).delete();
            delete(mnist);
            GenericKubernetesResource resnet = create(job(TrainingJobKind.PYTORCH_JOB, "team-vision", "resnet"));
            assertThat(store.jobs().get(key(mnist)).orElseThrow().inEtcd()).as("nobody saw the deletion yet").isTrue();

            Instant restartedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertThat(restarted.start()).as("reconcile at start-up (D3)")
                    .isEqualTo(new JobMetadataController.ReconcileResult(1, 1));
            JobRecord mnistRow = store.jobs().get(key(mnist)).orElseThrow();
            assertThat(mnistRow.inEtcd()).isFalse();
            assertThat(mnistRow.status()).isEqualTo(JobStatus.STOPPED);
            assertThat(mnistRow.gmtFinished()).isAfterOrEqualTo(restartedAt);
            PodRecord workerRow = store.pods().get(podKey(mnistWorker)).orElseThrow();
            assertThat(workerRow.inEtcd()).isFalse();
            assertThat(workerRow.status()).isEqualTo(PodStatus.STOPPED);
            awaitJob(store, resnet, JobStatus.CREATED, true);
            restarted.flush();
            assertThat(store.jobs().get(key(bert)).orElseThrow().status()).as("history kept").isEqualTo(JobStatus.STOPPED);
            assertThat(store.pods().list(PodQuery.builder().build()).items()).hasSize(2);
            assertThat(restarted.stop().complete()).isTrue();
            assertThat(restarted.refusedEvents()).as("the malformed job, listed again").isEqualTo(1);
        }
    }

    private static JobMetadataController controller(MetaStore store) {
        return JobMetadataController.builder(client, store)
                .kinds(List.of(TrainingJobKind.TF_JOB, TrainingJobKind.PYTORCH_JOB))
                .writeBehind(WriteBehindOptions.builder().name("controller-test").maxDelay(Duration.ofMillis(20)).build())
                .syncTimeout(WAIT)
                .build();
    }

    private static JobRecord awaitJob(MetaStore store, GenericKubernetesResource job, JobStatus status, boolean inEtcd) {
        String what = job.getKind() + " " + job.getMetadata().getName() + " stored as " + status + (inEtcd ? "" : ", removed");
        Await.until(what, WAIT, () -> store.jobs().get(key(job))
                .filter(row -> row.status().equals(status) && row.inEtcd() == inEtcd).isPresent());
        return store.jobs().get(key(job)).orElseThrow();
    }

    private static void awaitPod(MetaStore store, Pod pod, PodStatus status, boolean inEtcd) {
        String what = "pod " + pod.getMetadata().getName() + " stored as " + status + (inEtcd ? "" : ", removed");
        Await.until(what, WAIT, () -> store.pods().get(podKey(pod))
                .filter(row -> row.status().equals(status) && row.inEtcd() == inEtcd).isPresent());
    }

    private static io.kubedl.persist.model.JobKey key(GenericKubernetesResource job) {
        return io.kubedl.persist.model.JobKey.of(job.getMetadata().getUid());
    }

    private static io.kubedl.persist.model.PodKey podKey(Pod pod) {
        return io.kubedl.persist.model.PodKey.of(pod.getMetadata().getUid());
    }

    private static GenericKubernetesResource create(GenericKubernetesResource job) {
        return client.genericKubernetesResources(kindOf(job).context()).inNamespace(job.getMetadata().getNamespace())
                .resource(job).create();
    }

    private static GenericKubernetesResource update(GenericKubernetesResource job) {
        return client.genericKubernetesResources(kindOf(job).context()).inNamespace(job.getMetadata().getNamespace())
                .resource(job).update();
    }

    private static void delete(GenericKubernetesResource job) {
        client.genericKubernetesResources(kindOf(job).context()).inNamespace(job.getMetadata().getNamespace())
                .resource(job).delete();
    }

    private static TrainingJobKind kindOf(GenericKubernetesResource job) {
        return job.getKind().equals("TFJob") ? TrainingJobKind.TF_JOB : TrainingJobKind.PYTORCH_JOB;
    }

    private static GenericKubernetesResource job(TrainingJobKind kind, String namespace, String name) {
        String replicaSpecs = kind == TrainingJobKind.TF_JOB ? "tfReplicaSpecs" : "pytorchReplicaSpecs";
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(kind.group() + "/" + kind.version()).withKind(kind.kind())
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToAdditionalProperties("spec", Map.of(replicaSpecs, Map.of("Worker", Map.of("replicas", 1,
                        "template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "main",
                                "image", "example/train:1", "resources", Map.of("requests", Map.of("cpu", "1"))))))))))
                .addToAdditionalProperties("status", Map.of("conditions", List.of(condition("Created"))))
                .build();
    }

    private static GenericKubernetesResource withCondition(GenericKubernetesResource job, String type) {
        GenericKubernetesResource copy = new GenericKubernetesResourceBuilder(job).build();
        copy.getAdditionalProperties().put("status", Map.of("conditions", List.of(condition("Created"), condition(type))));
        return copy;
    }

    private static Map<String, Object> condition(String type) {
        return Map.of("type", type, "status", "True", "lastTransitionTime",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static Pod pod(GenericKubernetesResource job, String replicaType, int index) {
        return new PodBuilder()
                .withNewMetadata().withName(job.getMetadata().getName() + "-" + replicaType + "-" + index)
                .withNamespace(job.getMetadata().getNamespace())
                .addToLabels("training.kubeflow.org/replica-type", replicaType)
                .addNewOwnerReference().withApiVersion(job.getApiVersion()).withKind(job.getKind())
                .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid()).withController(true)
                .endOwnerReference().endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("example/train:1").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").addNewContainerStatus().withName("main").withNewState()
                .withNewWaiting().withReason("ContainerCreating").endWaiting().endState().endContainerStatus().endStatus()
                .build();
    }

    private static Pod running(Pod pod) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new PodBuilder(pod).editStatus().withPhase("Running").withHostIP("10.0.0.7").withPodIP("172.16.0.9")
                .withContainerStatuses().addNewContainerStatus().withName("main").withNewState().withNewRunning()
                .withStartedAt(now).endRunning().endState().endContainerStatus().endStatus().build();
    }
}
