package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.RecordValidator;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: every job fixture converts to exactly the record written here by hand. */
class JobConverterFixturesTest {
    static final String REGION = "cn-beijing";
    private static final JobConverter CONVERTER = JobConverter.forRegion(REGION);

    static Stream<Arguments> validJobs() {
        return Stream.of(
                row("jobs/tfjob-kubedl-created.yaml", b -> b.kind("TFJob").namespace("kubedl-demo").name("mnist-created")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0001").version("1001").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-01T08:00:00Z"))
                        .resources("{\"PS\":{\"resources\":{\"limits\":{\"cpu\":\"2\",\"memory\":\"4Gi\"},\"requests\":{\"cpu\":\"1\","
                                + "\"memory\":\"2Gi\"}},\"replicas\":1},\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1\","
                                + "\"memory\":\"2Gi\"},\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}},\"replicas\":2}}")),
                row("jobs/tfjob-kubedl-running.yaml", b -> b.kind("TFJob").namespace("kubedl-demo").name("mnist-running")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0002").version("1042").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-01T08:00:00Z")).gmtModified(t("2026-03-01T08:01:10Z"))
                        .gmtRunning(t("2026-03-01T08:01:10Z"))
                        .resources("{\"PS\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"2Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}},\"replicas\":3}}")),
                row("jobs/tfjob-kubeflow-restarting.yaml", b -> b.kind("TFJob").namespace("team-a")
                        .name("dist-mnist-restarting").jobId("7d1e2f10-aaaa-4bbb-8ccc-000000000003").version("884210")
                        .status(JobStatus.RESTARTING).gmtCreated(t("2026-03-02T10:15:00Z"))
                        .gmtModified(t("2026-03-02T10:20:42Z"))
                        .resources("{\"Chief\":{\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":2}}")),
                row("jobs/tfjob-kubeflow-succeeded.yaml", b -> b.kind("TFJob").namespace("team-a").name("mnist-succeeded")
                        .jobId("7d1e2f10-aaaa-4bbb-8ccc-000000000004").version("884999").status(JobStatus.SUCCEEDED)
                        .gmtCreated(t("2026-03-02T11:00:00Z")).gmtModified(t("2026-03-02T11:09:58Z"))
                        .gmtRunning(t("2026-03-02T11:00:30Z"))
                        // completionTime wins over the Succeeded condition's time
                        .gmtFinished(t("2026-03-02T11:09:57Z"))
                        .resources("{\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"250m\",\"memory\":\"512Mi\"}},\"replicas\":1}}")
                        .remark(JobConverter.TENSORBOARD_REMARK)),
                row("jobs/tfjob-kubedl-failed.yaml", b -> b.kind("TFJob").namespace("kubedl-demo").name("mnist-failed")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0005").version("2210").status(JobStatus.FAILED)
                        .gmtCreated(t("2026-03-01T09:00:00Z")).gmtModified(t("2026-03-01T09:03:12Z"))
                        .gmtRunning(t("2026-03-01T09:00:40Z")).gmtFinished(t("2026-03-01T09:03:12Z"))
                        .resources("{\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":2}}")),
                row("jobs/tfjob-init-containers.yaml", b -> b.kind("TFJob").namespace("kubedl-demo").name("imagenet-init")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0006").version("3300").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-03T00:00:00Z"))
                        // requests: max(sidecar 100m/64Mi + init 4/8Gi, sidecar + 2 + 500m / 4Gi + 256Mi)
                        // limits:   max(sidecar 200m/128Mi + init 4/8Gi, sidecar + 3 + 1 / 6Gi + 512Mi)
                        .resources("{\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"4200m\",\"memory\":\"8320Mi\"},"
                                + "\"requests\":{\"cpu\":\"4100m\",\"memory\":\"8256Mi\"}},\"replicas\":2}}")),
                row("jobs/tfjob-multi-containers-gpu.yaml", b -> b.kind("TFJob").namespace("nlp").name("bert-gpu")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0007").version("4410").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-03T01:00:00Z")).gmtModified(t("2026-03-03T01:04:00Z"))
                        .gmtRunning(t("2026-03-03T01:04:00Z"))
                        .resources("{\"Chief\":{\"resources\":{\"limits\":{\"cpu\":\"4\",\"memory\":\"16Gi\",\"nvidia.com/gpu\":\"1\"}},"
                                + "\"replicas\":1},\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"8200m\",\"memory\":\"33024Mi\","
                                + "\"nvidia.com/gpu\":\"2\"},\"requests\":{\"cpu\":\"8200m\",\"memory\":\"33024Mi\","
                                + "\"nvidia.com/gpu\":\"2\"}},\"replicas\":4}}")),
                row("jobs/tfjob-tenancy.yaml", b -> b.kind("TFJob").namespace("search")
                        .name("ranking-tenant").jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0008").version("5120")
                        .status(JobStatus.CREATED).tenant("search-team").owner("alice")
                        .gmtCreated(t("2026-03-04T02:00:00Z")).gmtModified(t("2026-03-04T02:00:01Z"))
                        .resources("{\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"1\"}},\"replicas\":1}}")),
                row("jobs/tfjob-tenancy-malformed.yaml", b -> b.kind("TFJob").namespace("default").name("bad-tenancy")
                        .jobId("e0000000-0000-4000-8000-000000000004").version("4").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-13T00:00:00Z")).resources("{\"Worker\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/mpijob-v2beta1-succeeded.yaml", b -> b.kind("MPIJob").namespace("hpc").name("pi")
                        .jobId("8b7a6958-4736-4251-a0f9-000000000611").version("71200").status(JobStatus.SUCCEEDED)
                        .gmtCreated(t("2026-03-11T11:00:00Z")).gmtModified(t("2026-03-11T11:01:10Z"))
                        .gmtRunning(t("2026-03-11T11:00:20Z")).gmtFinished(t("2026-03-11T11:01:10Z"))
                        .resources("{\"Launcher\":{\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":2}}")),
                // resumed, not running yet: Suspended=False is last, so the status is the last True one
                row("jobs/pytorchjob-kubeflow-resumed.yaml", b -> b.kind("PyTorchJob").namespace("llm").name("ddp-resumed")
                        .jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000107").version("1200900").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-06T10:00:00Z")).gmtModified(t("2026-03-06T10:30:00Z"))
                        .resources("{\"Master\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/tfjob-tenancy-no-region.yaml", b -> b.kind("TFJob").namespace("ads").name("ctr-tenant")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0009").version("5121").status(JobStatus.CREATED)
                        .tenant("ads-team").owner("bob").gmtCreated(t("2026-03-04T02:05:00Z"))
                        .resources("{\"Worker\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/tfjob-minimal.yaml", b -> b.kind("TFJob").namespace("default").name("bare")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0010").version("9").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-05T00:00:00Z"))
                        .resources("{\"Worker\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/tfjob-unknown-condition.yaml", b -> b.kind("TFJob").namespace("default").name("suspended")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0011").version("12345678901234567890")
                        .status(new JobStatus("Suspended"))
                        .gmtCreated(t("2026-03-05T01:00:00Z"))
                        // +08:00 read as the instant it names; fractions truncated to seconds
                        .gmtModified(t("2026-03-04T18:00:00Z")).gmtRunning(t("2026-03-05T01:00:30Z"))
                        .resources("{\"Worker\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/tfjob-quantity-spellings.yaml", b -> b.kind("TFJob").namespace("default").name("spellings")
                        .jobId("0b6c3a52-1f0e-4c1b-9c61-0d7d3f0a0012").version("77").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-05T03:00:00Z"))
                        .resources("{\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1500m\",\"ephemeral-storage\":\"10e9\","
                                + "\"memory\":\"1073741824\"},\"requests\":{\"cpu\":\"750m\",\"ephemeral-storage\":\"10G\","
                                + "\"memory\":\"1536Mi\"}},\"replicas\":1}}")),
                row("jobs/pytorchjob-kubedl-created.yaml", b -> b.kind("PyTorchJob").namespace("vision")
                        .name("resnet-created").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000101").version("20001")
                        .status(JobStatus.CREATED).gmtCreated(t("2026-03-06T06:00:00Z"))
                        .resources("{\"Master\":{\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}},\"replicas\":2}}")),
                row("jobs/pytorchjob-kubeflow-running.yaml", b -> b.kind("PyTorchJob").namespace("llm")
                        .name("llama-finetune").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000102").version("1200345")
                        .status(JobStatus.RUNNING).gmtCreated(t("2026-03-06T07:00:00Z"))
                        .gmtModified(t("2026-03-06T07:03:21Z")).gmtRunning(t("2026-03-06T07:03:21Z"))
                        .resources("{\"Master\":{\"resources\":{\"limits\":{\"cpu\":\"32\",\"memory\":\"256Gi\","
                                + "\"nvidia.com/gpu\":\"8\"}},\"replicas\":1},\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"32\","
                                + "\"memory\":\"256Gi\",\"nvidia.com/gpu\":\"8\"}},\"replicas\":3}}")),
                row("jobs/pytorchjob-kubeflow-restarting.yaml", b -> b.kind("PyTorchJob").namespace("llm")
                        .name("ddp-restarting").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000103").version("1200400")
                        .status(JobStatus.RESTARTING).gmtCreated(t("2026-03-06T08:00:00Z"))
                        .gmtModified(t("2026-03-06T08:07:00Z"))
                        .resources("{\"Master\":{\"resources\":{},\"replicas\":1},\"Worker\":{\"resources\":{},\"replicas\":1}}")),
                row("jobs/pytorchjob-kubedl-succeeded.yaml", b -> b.kind("PyTorchJob").namespace("vision")
                        .name("resnet-succeeded").jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000104").version("20950")
                        .status(JobStatus.SUCCEEDED).gmtCreated(t("2026-03-06T06:30:00Z"))
                        .gmtModified(t("2026-03-06T06:45:00Z")).gmtRunning(t("2026-03-06T06:30:15Z"))
                        .gmtFinished(t("2026-03-06T06:44:59Z"))
                        .resources("{\"Master\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"2Gi\"}},\"replicas\":1}}")),
                row("jobs/pytorchjob-kubeflow-failed.yaml", b -> b.kind("PyTorchJob").namespace("llm").name("ddp-failed")
                        .jobId("5a0f7e3c-2b1d-4e8f-a9c0-000000000105").version("1200777").status(JobStatus.FAILED)
                        .gmtCreated(t("2026-03-06T09:00:00Z")).gmtModified(t("2026-03-06T09:12:30Z"))
                        .gmtRunning(t("2026-03-06T09:01:00Z")).gmtFinished(t("2026-03-06T09:12:30Z"))
                        .resources("{\"Master\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"4\","
                                + "\"memory\":\"16Gi\",\"nvidia.com/gpu\":\"1\"}},\"replicas\":1}}")),
                row("jobs/xgboostjob-kubedl-running.yaml", b -> b.kind("XGBoostJob").namespace("kubedl-demo")
                        .name("xgb-iris").jobId("9c2d5b1a-3e4f-4a5b-8c6d-000000000201").version("30010")
                        .status(JobStatus.RUNNING).gmtCreated(t("2026-03-07T01:00:00Z"))
                        .gmtModified(t("2026-03-07T01:00:20Z")).gmtRunning(t("2026-03-07T01:00:20Z"))
                        .resources("{\"Master\":{\"resources\":{\"requests\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"}},\"replicas\":2}}")),
                row("jobs/xgboostjob-kubeflow-succeeded.yaml", b -> b.kind("XGBoostJob").namespace("kubeflow")
                        .name("xgboost-dist-iris").jobId("9c2d5b1a-3e4f-4a5b-8c6d-000000000202").version("77001")
                        .status(JobStatus.SUCCEEDED).gmtCreated(t("2026-03-07T02:00:00Z"))
                        .gmtModified(t("2026-03-07T02:02:00Z")).gmtRunning(t("2026-03-07T02:00:40Z"))
                        .gmtFinished(t("2026-03-07T02:02:00Z"))
                        .resources("{\"Master\":{\"resources\":{},\"replicas\":1},\"Worker\":{\"resources\":{},\"replicas\":2}}")),
                row("jobs/xdljob-running.yaml", b -> b.kind("XDLJob").namespace("ads").name("xdl-deepctr")
                        .jobId("3f8e9d7c-6b5a-4c3d-9e2f-000000000301").version("40020").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-08T03:00:00Z")).gmtModified(t("2026-03-08T03:02:00Z"))
                        .gmtRunning(t("2026-03-08T03:02:00Z"))
                        .resources("{\"ExtendRole\":{\"resources\":{},\"replicas\":1},"
                                + "\"PS\":{\"resources\":{\"requests\":{\"cpu\":\"4\",\"memory\":\"8Gi\"}},\"replicas\":2},"
                                + "\"Scheduler\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"4\","
                                + "\"memory\":\"8Gi\",\"nvidia.com/gpu\":\"1\"}},\"replicas\":4}}")),
                row("jobs/xdljob-failed.yaml", b -> b.kind("XDLJob").namespace("ads").name("xdl-failed")
                        .jobId("3f8e9d7c-6b5a-4c3d-9e2f-000000000302").version("40999").status(JobStatus.FAILED)
                        .gmtCreated(t("2026-03-08T04:00:00Z")).gmtModified(t("2026-03-08T04:20:00Z"))
                        .gmtRunning(t("2026-03-08T04:00:30Z")).gmtFinished(t("2026-03-08T04:20:00Z"))
                        .resources("{\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"2\"}},\"replicas\":2}}")),
                row("jobs/marsjob-created.yaml", b -> b.kind("MarsJob").namespace("analytics").name("mars-created")
                        .jobId("2e7d6c5b-4a39-4827-b615-000000000401").version("50001").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-09T05:00:00Z"))
                        .resources("{\"Scheduler\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"2Gi\"}},\"replicas\":1},"
                                + "\"WebService\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"8Gi\"}},\"replicas\":4}}")),
                row("jobs/marsjob-running.yaml", b -> b.kind("MarsJob").namespace("analytics").name("mars-running")
                        .jobId("2e7d6c5b-4a39-4827-b615-000000000402").version("50100").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-09T06:00:00Z")).gmtModified(t("2026-03-09T06:00:50Z"))
                        .gmtRunning(t("2026-03-09T06:00:50Z"))
                        .resources("{\"Scheduler\":{\"resources\":{},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"4\",\"memory\":\"16Gi\"}},\"replicas\":2}}")),
                row("jobs/elasticbatchjob-running.yaml", b -> b.kind("ElasticBatchJob").namespace("batch")
                        .name("batch-infer").jobId("6d5c4b3a-2918-4f7e-8d6c-000000000501").version("60010")
                        .status(JobStatus.RUNNING).gmtCreated(t("2026-03-10T07:00:00Z"))
                        .gmtModified(t("2026-03-10T07:01:00Z")).gmtRunning(t("2026-03-10T07:01:00Z"))
                        .resources("{\"AIMaster\":{\"resources\":{\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"},\"requests\":{\"cpu\":\"2\","
                                + "\"memory\":\"4Gi\",\"nvidia.com/gpu\":\"1\"}},\"replicas\":10}}")),
                row("jobs/elasticbatchjob-succeeded.yaml", b -> b.kind("ElasticBatchJob").namespace("batch")
                        .name("batch-done").jobId("6d5c4b3a-2918-4f7e-8d6c-000000000502").version("60999")
                        .status(JobStatus.SUCCEEDED).gmtCreated(t("2026-03-10T08:00:00Z"))
                        .gmtModified(t("2026-03-10T09:00:00Z")).gmtRunning(t("2026-03-10T08:00:30Z"))
                        .gmtFinished(t("2026-03-10T09:00:00Z"))
                        .resources("{\"AIMaster\":{\"resources\":{},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"1\"}},\"replicas\":3}}")),
                row("jobs/mpijob-kubeflow-running.yaml", b -> b.kind("MPIJob").namespace("hpc").name("horovod-mnist")
                        .jobId("8b7a6958-4736-4251-a0f9-000000000601").version("70030").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-11T09:00:00Z")).gmtModified(t("2026-03-11T09:01:30Z"))
                        .gmtRunning(t("2026-03-11T09:01:30Z"))
                        .resources("{\"Launcher\":{\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"512Mi\"}},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"4\",\"memory\":\"8Gi\",\"nvidia.com/gpu\":\"2\"}},"
                                + "\"replicas\":2}}")),
                row("jobs/mpijob-kubedl-created.yaml", b -> b.kind("MPIJob").namespace("hpc").name("mpi-created")
                        .jobId("8b7a6958-4736-4251-a0f9-000000000602").version("70001").status(JobStatus.CREATED)
                        .gmtCreated(t("2026-03-11T08:00:00Z"))
                        .resources("{\"Launcher\":{\"resources\":{},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":4}}")),
                row("jobs/mpijob-kubeflow-succeeded.yaml", b -> b.kind("MPIJob").namespace("hpc").name("pi")
                        .jobId("8b7a6958-4736-4251-a0f9-000000000603").version("70400").status(JobStatus.SUCCEEDED)
                        .gmtCreated(t("2026-03-11T10:00:00Z")).gmtModified(t("2026-03-11T10:01:05Z"))
                        .gmtRunning(t("2026-03-11T10:00:20Z")).gmtFinished(t("2026-03-11T10:01:05Z"))
                        .resources("{\"Launcher\":{\"resources\":{},\"replicas\":1},"
                                + "\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}},\"replicas\":2}}")),
                row("jobs/foojob-made-up.yaml", b -> b.kind("FooJob").namespace("research").name("foo-training")
                        .jobId("1a2b3c4d-5e6f-4a7b-8c9d-000000000701").version("808").status(JobStatus.RUNNING)
                        .gmtCreated(t("2026-03-12T12:00:00Z")).gmtModified(t("2026-03-12T12:00:09Z"))
                        .gmtRunning(t("2026-03-12T12:00:09Z"))
                        .resources("{\"Coordinator\":{\"resources\":{\"requests\":{\"cpu\":\"250m\"}},\"replicas\":1},"
                                + "\"Trainer\":{\"resources\":{\"requests\":{\"cpu\":\"3\",\"example.com/fpga\":\"1\","
                                + "\"memory\":\"12Gi\"}},\"replicas\":5}}")));
    }

    static Stream<Arguments> invalidJobs() {
        return Stream.of(
                Arguments.of("jobs-invalid/missing-uid.yaml", "metadata.uid", "required (TFJob default/no-uid)"),
                Arguments.of("jobs-invalid/missing-kind.yaml", "kind", "required"),
                Arguments.of("jobs-invalid/missing-namespace.yaml", "metadata.namespace", "required (MarsJob no-namespace)"),
                Arguments.of("jobs-invalid/missing-creation-timestamp.yaml", "metadata.creationTimestamp",
                        "required (MPIJob default/no-created)"),
                Arguments.of("jobs-invalid/bad-resource-version.yaml", "metadata.resourceVersion",
                        "'v12' is not a decimal resourceVersion (KEP-5504) (TFJob default/bad-version)"),
                Arguments.of("jobs-invalid/bad-quantity.yaml",
                        "spec.tfReplicaSpecs.Worker.template.spec.containers[0].resources.limits.cpu",
                        "'two-cores' is not a Kubernetes quantity"),
                Arguments.of("jobs-invalid/bad-replicas.yaml", "spec.pytorchReplicaSpecs.Worker.replicas",
                        "'two' is not an integer"),
                Arguments.of("jobs-invalid/bad-condition-time.yaml", "status.conditions[1].lastTransitionTime",
                        "'yesterday' is not an RFC 3339 time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validJobs")
    void convertsFixtureToExpectedRecord(String fixture, JobRecord expected) {
        JobRecord actual = CONVERTER.convert(Fixtures.job(fixture));

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.inEtcd()).isTrue();
        // what the converter makes, every store accepts (V1, V2 with the shared default limits)
        assertThat(new RecordValidator(FieldLimits.DEFAULT).check(actual)).isSameAs(actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validJobs")
    void resourcesJsonReadsBackToTheSameString(String fixture, JobRecord expected) {
        String json = CONVERTER.convert(Fixtures.job(fixture)).resources();

        assertThat(ResourcesJson.ofJob(ResourcesJson.readJob(json))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidJobs")
    void refusesInvalidFixtureNamingThePath(String fixture, String path, String problem) {
        assertThatThrownBy(() -> CONVERTER.convert(Fixtures.job(fixture)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith(path + ": ").contains(problem);
                });
    }

    /** @return every valid job fixture, so the strip test and this table cannot drift apart */
    static List<String> validFixtureNames() {
        return validJobs().map(a -> (String) a.get()[0]).toList();
    }

    private static Arguments row(String fixture, UnaryOperator<JobRecord.Builder> expected) {
        return Arguments.of(fixture, expected.apply(JobRecord.builder().region(REGION)).build());
    }

    static Instant t(String text) {
        return Instant.parse(text);
    }
}
