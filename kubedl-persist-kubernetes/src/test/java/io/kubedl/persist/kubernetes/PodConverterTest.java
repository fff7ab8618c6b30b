package io.kubedl.persist.kubernetes;

import static io.kubedl.persist.kubernetes.JobConverterFixturesTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the fixture tables do not show: typed pods built in code, purity, main container choice, phases. */
class PodConverterTest {
    private final PodConverter converter = PodConverter.forRegion("cn-beijing");

    static Stream<String> validPods() {
        return PodConverterFixturesTest.validFixtureNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPods")
    void neverMutatesThePod(String fixture) throws JsonProcessingException {
        Pod pod = Fixtures.pod(fixture);
        String before = Fixtures.YAML.writeValueAsString(pod);

        converter.convert(pod);

        assertThat(Fixtures.YAML.writeValueAsString(pod)).isEqualTo(before);
        assertThat(pod).isEqualTo(Fixtures.pod(fixture));
    }

    @Test
    void convertsAPodBuiltWithFabric8Builders() {
        PodRecord record = converter.convertOrThrow(trainingPod("PyTorchJob")
                .editSpec()
                .addToContainers(new ContainerBuilder().withName("pytorch").withImage("pytorch/pytorch:2.3.0")
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("1500m"))
                        .addToRequests("memory", new Quantity("2", "Gi"))
                        .addToLimits("nvidia.com/gpu", new Quantity("1"))
                        .endResources().build())
                .endSpec()
                .withNewStatus().withPhase("Running").withHostIP("10.1.1.1").withPodIP("10.2.2.2")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("pytorch")
                        .withNewState().withNewRunning("2026-04-01T00:01:00Z").endState().build())
                .endStatus()
                .build());

        assertThat(record.jobId()).isEqualTo("a0000000-0000-4000-8000-00000000000a");
        assertThat(record.replicaType()).isEqualTo("worker");
        assertThat(record.image()).isEqualTo("pytorch/pytorch:2.3.0");
        assertThat(record.status()).isEqualTo(PodStatus.RUNNING);
        assertThat(record.gmtStarted()).isEqualTo(t("2026-04-01T00:01:00Z"));
        assertThat(record.resources())
                .isEqualTo("{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"1500m\",\"memory\":\"2Gi\"}}");
    }

    @Test
    void prefersTheDefaultContainerOfTheOwnerKind() {
        Pod pod = trainingPod("PyTorchJob").editSpec()
                .addToContainers(new ContainerBuilder().withName("tensorflow").withImage("tf:1").build())
                .addToContainers(new ContainerBuilder().withName("pytorch").withImage("torch:1").build())
                .endSpec().build();

        assertThat(converter.convertOrThrow(pod).image()).isEqualTo("torch:1");
    }

    @Test
    void keepsAPhaseItDoesNotKnow() {
        Pod pod = trainingPod("TFJob").editSpec()
                .addToContainers(new ContainerBuilder().withName("tensorflow").withImage("tf:1").build()).endSpec()
                .withNewStatus().withPhase("Hibernating")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("tensorflow").build()).endStatus()
                .build();

        assertThat(converter.convertOrThrow(pod).status()).isEqualTo(new PodStatus("Hibernating"));
    }

    @Test
    void aContainerTerminatedInsideARunningPodDoesNotFinishThePod() {
        Pod pod = trainingPod("TFJob").editSpec()
                .addToContainers(new ContainerBuilder().withName("tensorflow").withImage("tf:1").build()).endSpec()
                .withNewStatus().withPhase("Running")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("tensorflow").withNewState()
                        .withNewTerminated().withExitCode(1).withReason("Error")
                        .withStartedAt("2026-04-01T00:01:00Z").withFinishedAt("2026-04-01T00:02:00Z")
                        .endTerminated().endState().build())
                .endStatus().build();

        PodRecord record = converter.convertOrThrow(pod);

        assertThat(record.gmtStarted()).isEqualTo(t("2026-04-01T00:01:00Z"));
        assertThat(record.gmtFinished()).isNull();
        assertThat(record.remark()).isNull();
    }

    @Test
    void aFailedPodWithoutAnyReasonHasNoRemark() {
        Pod pod = trainingPod("TFJob").withNewStatus().withPhase("Failed")
                .addToContainerStatuses(new ContainerStatusBuilder().withName("tensorflow").build()).endStatus()
                .build();

        PodRecord record = converter.convertOrThrow(pod);

        assertThat(record.status()).isEqualTo(PodStatus.FAILED);
        assertThat(record.remark()).isNull();
        assertThat(record.image()).isNull();
    }

    @Test
    void readsEveryReplicaTypeLabelInOrder() {
        Pod both = trainingPod("TFJob").editMetadata().withLabels(Map.of(
                "replica-type", "ps", "training.kubeflow.org/replica-type", "chief")).endMetadata().build();
        Pod legacy = trainingPod("TFJob").editMetadata().withLabels(Map.of("tf-replica-type", "worker")).endMetadata()
                .build();

        assertThat(converter.convertOrThrow(both).replicaType()).isEqualTo("chief");
        assertThat(converter.convertOrThrow(legacy).replicaType()).isEqualTo("worker");
    }

    @Test
    void aControllerFlagOtherThanTrueIsNoController() {
        Pod pod = trainingPod("TFJob").editMetadata().editFirstOwnerReference().withController(false)
                .endOwnerReference().endMetadata().build();

        assertThat(converter.convert(pod)).isEmpty();
    }

    /** Issue 11.3: as for jobs, the configured region first, the pod's own tenancy region only when none is configured. */
    @Test
    void theConfiguredRegionWinsOverTheTenancyRegion() {
        PodConverter fromConfig = PodConverter.forRegion("us-west-1");

        assertThat(fromConfig.defaultRegion()).isEqualTo("us-west-1");
        assertThat(fromConfig.convertOrThrow(Fixtures.pod("pods/tf-worker-running.yaml")).region()).isEqualTo("us-west-1");
        assertThat(fromConfig.convertOrThrow(Fixtures.pod("pods/gpu-worker-tenancy.yaml")).region()).isEqualTo("us-west-1");
        assertThat(PodConverter.forRegion("").convertOrThrow(Fixtures.pod("pods/gpu-worker-tenancy.yaml")).region())
                .isEqualTo("cn-hangzhou");
        assertThat(PodConverter.forRegion(null).convertOrThrow(Fixtures.pod("pods/tf-worker-running.yaml")).region())
                .isEmpty();
    }

    /** Issue 13.1: mpi-operator v2beta1's launcher pod names only its batch Job; without a lookup it cannot be stored. */
    @Test
    void aLauncherPodNeedsAnOwnerLookup() {
        Pod launcher = Fixtures.pod("pods/mpi-v2-launcher-succeeded.yaml");

        assertThat(converter.convert(launcher)).isEmpty();
        assertThatThrownBy(() -> converter.convertOrThrow(launcher))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("metadata.ownerReferences: controlled by a batch/v1 Job; without an OwnerLookup its training job "
                        + "is unknown (pod hpc/pi-launcher-x7k2q)");
    }

    @Test
    void aLauncherPodWhoseJobTheLookupDoesNotKnowYetIsSkipped() {
        PodConverter withEmptyCache = converter.withOwnerLookup((namespace, owner) -> Optional.empty());
        Pod launcher = Fixtures.pod("pods/mpi-v2-launcher-succeeded.yaml");

        assertThat(withEmptyCache.defaultRegion()).isEqualTo("cn-beijing");
        assertThat(withEmptyCache.convert(launcher)).isEmpty();
        assertThatThrownBy(() -> withEmptyCache.convertOrThrow(launcher))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("metadata.ownerReferences: the OwnerLookup knows no controller of batch/v1 Job pi-launcher "
                        + "(pod hpc/pi-launcher-x7k2q)");
    }

    @Test
    void theLookupIsAskedAboutTheBatchJobThatControlsThePod() {
        PodRecord record = converter.withOwnerLookup((namespace, owner) -> {
            assertThat(namespace).isEqualTo("hpc");
            assertThat(owner.getName()).isEqualTo("pi-launcher");
            assertThat(owner.getUid()).isEqualTo("4c3b2a19-0817-4e6d-9c5b-000000000612");
            return FixtureOwners.LOOKUP.controllerOf(namespace, owner);
        }).convertOrThrow(Fixtures.pod("pods/mpi-v2-launcher-succeeded.yaml"));

        assertThat(record.jobId()).isEqualTo("8b7a6958-4736-4251-a0f9-000000000611");
        assertThat(record.replicaType()).isEqualTo("launcher");
        assertThat(record.image()).isEqualTo("mpioperator/mpi-pi:openmpi");
    }

    /** Issue 13.8: no operator sets kubedl.io/replica-type (KubeDL's label is plain replica-type), so it is not read. */
    @Test
    void theMadeUpKubedlPrefixedLabelIsNotAReplicaType() {
        Pod pod = trainingPod("XDLJob").editMetadata().withLabels(Map.of("kubedl.io/replica-type", "scheduler"))
                .endMetadata().build();

        assertThat(PodConverter.REPLICA_TYPE_LABELS).doesNotContain("kubedl.io/replica-type");
        assertThat(converter.convert(pod)).isEmpty();
    }

    /** Issue 13.7, for pods: a malformed tenancy annotation is left out, counted, and the pod stored. */
    @Test
    void aMalformedTenancyAnnotationOfAPodIsLeftOutAndCounted() {
        PodConverter fresh = PodConverter.forRegion("");
        Pod pod = trainingPod("TFJob").editMetadata()
                .withAnnotations(Map.of("kubedl.io/tenancy", "{\"region\":\"cn-hangzhou\"}{\"region\":\"evil\"}"))
                .endMetadata().build();

        PodRecord record = fresh.convertOrThrow(pod);

        assertThat(record.region()).isEmpty();
        assertThat(fresh.unreadableOptionalFields()).isEqualTo(1);
    }

    @Test
    void aNullPodIsRefused() {
        assertThatThrownBy(() -> converter.convert(null))
                .isInstanceOf(InvalidRecordException.class).hasMessage("pod: must not be null");
    }

    private static PodBuilder trainingPod(String ownerKind) {
        return new PodBuilder()
                .withNewMetadata().withName("built-worker-0").withNamespace("default")
                .withUid("b0000000-0000-4000-8000-00000000000b").withResourceVersion("5")
                .withCreationTimestamp("2026-04-01T00:00:00Z")
                .addToLabels("replica-type", "worker")
                .addNewOwnerReference().withApiVersion("training.kubedl.io/v1alpha1").withKind(ownerKind)
                .withName("built").withUid("a0000000-0000-4000-8000-00000000000a").withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec().endSpec();
    }
}
