package io.kubedl.persist.kubernetes;

import static io.kubedl.persist.kubernetes.JobConverterFixturesTest.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.RecordValidator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: every pod fixture converts to exactly the record written here by hand, or to nothing. */
class PodConverterFixturesTest {
    static final String REGION = "cn-beijing";
    static final PodConverter CONVERTER = PodConverter.forRegion(REGION).withOwnerLookup(FixtureOwners.LOOKUP);

    static Stream<Arguments> trainingPods() {
        return Stream.of(
                row("pods/tf-worker-pending.yaml", b -> b.name("mnist-running-worker-0").namespace("kubedl-demo")
                        .podId("c0000000-0000-4000-8000-000000000001").version("1010").status(PodStatus.PENDING)
                        .image("kubedl/tf-mnist-with-summaries:1.0").jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0002")
                        .replicaType("worker").resources("{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}")
                        .hostIp("10.0.0.13").gmtCreated(t("2026-03-01T08:00:02Z"))),
                row("pods/tf-worker-running.yaml", b -> b.name("mnist-running-worker-1").namespace("kubedl-demo")
                        .podId("c0000000-0000-4000-8000-000000000002").version("1040").status(PodStatus.RUNNING)
                        // the image of the spec, not the registry-qualified one the kubelet reports
                        .image("kubedl/tf-mnist-with-summaries:1.0").jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0002")
                        .replicaType("worker").resources("{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}")
                        .hostIp("10.0.0.14").podIp("172.16.4.21").gmtCreated(t("2026-03-01T08:00:02Z"))
                        .gmtModified(t("2026-03-01T08:01:08Z")).gmtStarted(t("2026-03-01T08:01:08Z"))),
                row("pods/tf-ps-succeeded.yaml", b -> b.name("mnist-succeeded-worker-0").namespace("team-a")
                        .podId("c0000000-0000-4000-8000-000000000003").version("884990").status(PodStatus.SUCCEEDED)
                        .image("kubeflow/tf-mnist-with-summaries:latest").jobId("7d1e2f10-aaaa-4bbb-8ccc-000000000004")
                        .replicaType("worker").resources("{\"requests\":{\"cpu\":\"250m\",\"memory\":\"512Mi\"}}")
                        .hostIp("10.0.1.5").podIp("172.16.9.3").gmtCreated(t("2026-03-02T11:00:02Z"))
                        .gmtModified(t("2026-03-02T11:09:56Z")).gmtStarted(t("2026-03-02T11:00:29Z"))
                        .gmtFinished(t("2026-03-02T11:09:56Z"))),
                row("pods/pytorch-master-failed-oom.yaml", b -> b.name("ddp-failed-master-0").namespace("llm")
                        .podId("c0000000-0000-4000-8000-000000000004").version("1200770").status(PodStatus.FAILED)
                        .image("registry.example/llm/ddp:0.1").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000105")
                        .replicaType("master")
                        .resources("{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"4\",\"memory\":\"16Gi\","
                                + "\"nvidia.com/gpu\":\"1\"}}")
                        .hostIp("10.0.2.7").podIp("172.16.20.8")
                        .remark("reason=OOMKilled, exitCode=137, message=CUDA out of memory while allocating the optimizer state")
                        .gmtCreated(t("2026-03-06T09:00:02Z")).gmtModified(t("2026-03-06T09:12:28Z"))
                        .gmtStarted(t("2026-03-06T09:00:55Z")).gmtFinished(t("2026-03-06T09:12:28Z"))),
                row("pods/pytorch-worker-unschedulable.yaml", b -> b.name("ddp-restarting-worker-0").namespace("llm")
                        .podId("c0000000-0000-4000-8000-000000000005").version("1200401").status(PodStatus.PENDING)
                        .image("registry.example/llm/ddp:0.1").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000103")
                        .replicaType("worker").resources("{}")
                        .remark("reason=Unschedulable, message=0/12 nodes are available: 12 Insufficient nvidia.com/gpu.")
                        .gmtCreated(t("2026-03-06T08:07:01Z"))),
                row("pods/pytorch-worker-crashloop-oom.yaml", b -> b.name("llama-finetune-worker-2").namespace("llm")
                        .podId("c0000000-0000-4000-8000-000000000024").version("1200511").status(PodStatus.RUNNING)
                        .image("registry.example/llm/finetune:2.1").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000102")
                        .replicaType("worker").resources("{\"limits\":{\"memory\":\"64Gi\",\"nvidia.com/gpu\":\"8\"},"
                                + "\"requests\":{\"memory\":\"64Gi\",\"nvidia.com/gpu\":\"8\"}}")
                        .hostIp("10.0.4.12").podIp("172.16.40.24")
                        .remark("reason=CrashLoopBackOff, message=back-off 40s restarting failed container=pytorch "
                                + "pod=llama-finetune-worker-2_llm(c0000000-0000-4000-8000-000000000024), "
                                + "lastReason=OOMKilled, lastExitCode=137")
                        // waiting to restart: no start time, so no modification time from it
                        .gmtCreated(t("2026-03-06T07:00:03Z"))),
                row("pods/tf-worker-deadline-exceeded.yaml", b -> b.name("dist-mnist-worker-1").namespace("team-a")
                        .podId("c0000000-0000-4000-8000-000000000023").version("885300").status(PodStatus.FAILED)
                        .image("kubeflow/tf-dist-mnist-test:latest").jobId("7d1e2f10-aaaa-4bbb-8ccc-000000000005")
                        .replicaType("worker").resources("{}").hostIp("10.0.1.21").podIp("172.16.1.23")
                        .remark("reason=DeadlineExceeded, message=Pod was active on the node longer than the specified deadline, "
                                + "exitReason=Error, exitCode=137")
                        .gmtCreated(t("2026-03-02T12:00:02Z")).gmtModified(t("2026-03-02T13:00:03Z"))
                        .gmtStarted(t("2026-03-02T12:00:10Z")).gmtFinished(t("2026-03-02T13:00:03Z"))),
                row("pods/mpi-v2-worker-running.yaml", b -> b.name("pi-worker-0").namespace("hpc")
                        .podId("c0000000-0000-4000-8000-000000000022").version("71060").status(PodStatus.RUNNING)
                        .image("mpioperator/mpi-pi:openmpi").jobId("8b7a6958-4736-4251-a0f9-000000000611")
                        .replicaType("worker")
                        .resources("{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}")
                        .hostIp("10.0.6.8").podIp("172.16.60.22").gmtCreated(t("2026-03-11T11:00:02Z"))
                        .gmtModified(t("2026-03-11T11:00:12Z")).gmtStarted(t("2026-03-11T11:00:12Z"))),
                // controlled by the batch Job pi-launcher; the OwnerLookup answers that the MPIJob controls that Job
                row("pods/mpi-v2-launcher-succeeded.yaml", b -> b.name("pi-launcher-x7k2q").namespace("hpc")
                        .podId("c0000000-0000-4000-8000-000000000021").version("71190").status(PodStatus.SUCCEEDED)
                        .image("mpioperator/mpi-pi:openmpi").jobId("8b7a6958-4736-4251-a0f9-000000000611")
                        .replicaType("launcher")
                        .resources("{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}")
                        .hostIp("10.0.6.7").podIp("172.16.60.21").gmtCreated(t("2026-03-11T11:00:02Z"))
                        .gmtModified(t("2026-03-11T11:01:08Z")).gmtStarted(t("2026-03-11T11:00:20Z"))
                        .gmtFinished(t("2026-03-11T11:01:08Z"))),
                row("pods/tf-worker-init-containers.yaml", b -> b.name("imagenet-init-worker-0").namespace("kubedl-demo")
                        .podId("c0000000-0000-4000-8000-000000000006").version("3310").status(PodStatus.PENDING)
                        .image("kubedl/tf-imagenet:2.15").jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0006")
                        .replicaType("worker")
                        .resources("{\"limits\":{\"cpu\":\"4200m\",\"memory\":\"8320Mi\"},\"requests\":{\"cpu\":\"4100m\","
                                + "\"memory\":\"8256Mi\"}}")
                        .hostIp("10.0.0.20").podIp("172.16.5.2").gmtCreated(t("2026-03-03T00:00:01Z"))),
                row("pods/tf-worker-sidecar-first.yaml", b -> b.name("bert-gpu-worker-2").namespace("nlp")
                        .podId("c0000000-0000-4000-8000-000000000007").version("4480").status(PodStatus.RUNNING)
                        .image("kubedl/bert:2.15-gpu").jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0007").replicaType("worker")
                        .resources("{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"requests\":{\"cpu\":\"8100m\",\"memory\":\"32896Mi\","
                                + "\"nvidia.com/gpu\":\"2\"}}")
                        .hostIp("10.0.3.1").podIp("172.16.30.2").gmtCreated(t("2026-03-03T01:00:03Z"))
                        // it restarted in place once; the remark says why
                        .remark("lastReason=Error, lastExitCode=1")
                        // the tensorflow container's current run, not the proxy's start
                        .gmtModified(t("2026-03-03T01:03:59Z")).gmtStarted(t("2026-03-03T01:03:59Z"))),
                row("pods/foo-custom-container.yaml", b -> b.name("foo-training-trainer-3").namespace("research")
                        .podId("c0000000-0000-4000-8000-000000000008").version("850").status(PodStatus.RUNNING)
                        .image("example.com/foo:0.1").jobId("1a2b3c4d-5e6f-4a7b-8c9d-000000000701").replicaType("trainer")
                        .resources("{\"requests\":{\"cpu\":\"3\",\"example.com/fpga\":\"1\",\"memory\":\"12Gi\"}}")
                        .hostIp("10.0.9.9").podIp("172.16.99.3").gmtCreated(t("2026-03-12T12:00:02Z"))
                        .gmtModified(t("2026-03-12T12:00:08Z")).gmtStarted(t("2026-03-12T12:00:08Z"))),
                row("pods/xgboost-master-running.yaml", b -> b.name("xgb-iris-master-0").namespace("kubedl-demo")
                        .podId("c0000000-0000-4000-8000-000000000009").version("30005").status(PodStatus.RUNNING)
                        .image("kubedl/xgboost-dist-iris-test:1.0").jobId("9c2d5b1a-3e4f-4a5b-8c6d-000000000201")
                        .replicaType("master").resources("{\"requests\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"}}")
                        .hostIp("10.0.0.30").podIp("172.16.7.7").gmtCreated(t("2026-03-07T01:00:02Z"))
                        .gmtModified(t("2026-03-07T01:00:18Z")).gmtStarted(t("2026-03-07T01:00:18Z"))),
                row("pods/xdl-scheduler-succeeded.yaml", b -> b.name("xdl-deepctr-scheduler-0").namespace("ads")
                        .podId("c0000000-0000-4000-8000-000000000010").version("40500").status(PodStatus.SUCCEEDED)
                        .image("xdl/xdl:ubuntu-gpu-tf1.12").jobId("3f8e9d7c-6b5a-4c3d-9e2f-000000000301")
                        .replicaType("scheduler").resources("{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}")
                        .hostIp("10.0.4.4").podIp("172.16.40.4").gmtCreated(t("2026-03-08T03:00:02Z"))
                        .gmtModified(t("2026-03-08T05:00:00Z")).gmtStarted(t("2026-03-08T03:01:59Z"))
                        .gmtFinished(t("2026-03-08T05:00:00Z"))),
                row("pods/mars-webservice-running.yaml", b -> b.name("mars-running-webservice-0").namespace("analytics")
                        .podId("c0000000-0000-4000-8000-000000000011").version("50090").status(PodStatus.RUNNING)
                        .image("mars-image:v0.6").jobId("2e7d6c5b-4a39-4827-b615-000000000402").replicaType("webservice")
                        .resources("{}").hostIp("10.0.5.5").podIp("172.16.50.5")
                        .gmtCreated(t("2026-03-09T06:00:02Z")).gmtModified(t("2026-03-09T06:00:45Z"))
                        .gmtStarted(t("2026-03-09T06:00:45Z"))),
                row("pods/mpi-launcher-failed.yaml", b -> b.name("horovod-mnist-launcher").namespace("hpc")
                        .podId("c0000000-0000-4000-8000-000000000012").version("70100").status(PodStatus.FAILED)
                        .image("horovod/horovod:0.28.1").jobId("8b7a6958-4736-4251-a0f9-000000000601")
                        .replicaType("launcher")
                        // the init container's 100m/512Mi limits are below the main container's 500m/512Mi
                        .resources("{\"limits\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"}}")
                        .hostIp("10.0.6.6").podIp("172.16.60.6")
                        .remark("reason=Error, exitCode=1, message=mpirun noticed that process rank 1 exited on signal 9 (Killed).")
                        .gmtCreated(t("2026-03-11T09:00:02Z")).gmtModified(t("2026-03-11T09:30:00Z"))
                        .gmtStarted(t("2026-03-11T09:01:29Z")).gmtFinished(t("2026-03-11T09:30:00Z"))),
                row("pods/evicted-failed.yaml", b -> b.name("batch-infer-worker-7").namespace("batch")
                        .podId("c0000000-0000-4000-8000-000000000013").version("60070").status(PodStatus.FAILED)
                        .image("registry.example/batch/infer:1.2").jobId("6d5c4b3a-2918-4f7e-8d6c-000000000501")
                        .replicaType("worker")
                        .resources("{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\","
                                + "\"nvidia.com/gpu\":\"1\"}}")
                        .hostIp("10.0.7.7")
                        // the pod's reason first; the kubelet's ContainerStatusUnknown termination after it
                        .remark("reason=Evicted, message=The node was low on resource: ephemeral-storage. Threshold quantity: "
                                + "10Gi, available: 9Gi. Container elasticbatch was using 12Gi, request is 0, has larger "
                                + "consumption of ephemeral-storage., exitReason=ContainerStatusUnknown, exitCode=137, "
                                + "exitMessage=The container could not be located when the pod was terminated")
                        // no container times: the finish is the last condition transition (Ready=False)
                        .gmtCreated(t("2026-03-10T07:00:02Z")).gmtModified(t("2026-03-10T07:40:12Z"))
                        .gmtFinished(t("2026-03-10T07:40:12Z"))),
                row("pods/gpu-worker-tenancy.yaml", b -> b.name("ranking-tenant-worker-0")
                        .namespace("search").podId("c0000000-0000-4000-8000-000000000014").version("5130")
                        .status(PodStatus.RUNNING).image("registry.example/search/ranking:7")
                        // the controller reference, not the first owner reference
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0008").replicaType("worker")
                        .resources("{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"1\",\"nvidia.com/gpu\":\"1\"}}")
                        .hostIp("10.0.8.8").podIp("172.16.80.8").gmtCreated(t("2026-03-04T02:00:02Z"))
                        .gmtModified(t("2026-03-04T02:00:30Z")).gmtStarted(t("2026-03-04T02:00:30Z"))),
                row("pods/elastic-worker-minimal.yaml", b -> b.name("batch-done-worker-0").namespace("batch")
                        .podId("c0000000-0000-4000-8000-000000000015").version("60500").status(PodStatus.UNKNOWN)
                        .image("registry.example/batch/infer:1.2").jobId("6d5c4b3a-2918-4f7e-8d6c-000000000502")
                        .replicaType("worker").resources("{}")
                        .gmtCreated(t("2026-03-10T08:00:02Z"))));
    }

    static Stream<Arguments> foreignPods() {
        return Stream.of(
                Arguments.of("pods/not-training-no-owner.yaml", "metadata.ownerReferences", "no controller owner reference"),
                Arguments.of("pods/not-training-replicaset.yaml", "metadata.labels", "no replica-type label"));
    }

    static Stream<Arguments> invalidPods() {
        return Stream.of(
                Arguments.of("pods-invalid/missing-uid.yaml", "metadata.uid", "required (pod default/no-uid-worker-0)"),
                Arguments.of("pods-invalid/owner-without-uid.yaml", "metadata.ownerReferences[0].uid", "required"),
                Arguments.of("pods-invalid/bad-version.yaml", "metadata.resourceVersion", "'0042' has a leading zero"),
                Arguments.of("pods-invalid/bad-started-at.yaml", "status.containerStatuses[0].state.running.startedAt",
                        "'13/03/2026 00:00' is not an RFC 3339 time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainingPods")
    void convertsFixtureToExpectedRecord(String fixture, PodRecord expected) {
        assertThat(CONVERTER.convert(Fixtures.pod(fixture))).contains(expected);
        PodRecord actual = CONVERTER.convertOrThrow(Fixtures.pod(fixture));
        assertThat(actual).isEqualTo(expected);
        // what the converter makes, every store accepts (V1, V2 with the shared default limits)
        assertThat(new RecordValidator(FieldLimits.DEFAULT).check(actual)).isSameAs(actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainingPods")
    void resourcesJsonReadsBackToTheSameString(String fixture, PodRecord expected) {
        String json = CONVERTER.convertOrThrow(Fixtures.pod(fixture)).resources();

        assertThat(ResourcesJson.ofPod(ResourcesJson.readPod(json))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignPods")
    void skipsPodsThatAreNotTrainingPods(String fixture, String path, String problem) {
        assertThat(CONVERTER.convert(Fixtures.pod(fixture))).isEmpty();
        assertThatThrownBy(() -> CONVERTER.convertOrThrow(Fixtures.pod(fixture)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith(path + ": ").contains(problem);
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidPods")
    void refusesInvalidTrainingPodNamingThePath(String fixture, String path, String problem) {
        assertThatThrownBy(() -> CONVERTER.convert(Fixtures.pod(fixture)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith(path + ": ").contains(problem);
                });
    }

    /** @return every valid pod fixture, training or not */
    static List<String> validFixtureNames() {
        return Stream.concat(trainingPods(), foreignPods()).map(a -> (String) a.get()[0]).toList();
    }

    private static Arguments row(String fixture, UnaryOperator<PodRecord.Builder> expected) {
        return Arguments.of(fixture, expected.apply(PodRecord.builder().region(REGION)).build());
    }
}
