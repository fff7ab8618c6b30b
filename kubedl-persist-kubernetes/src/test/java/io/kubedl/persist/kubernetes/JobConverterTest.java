package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fixture tables do not show: typed resources, purity, generic replica specs, conditions, factories. */
class JobConverterTest {
    private final JobConverter converter = JobConverter.forRegion("cn-beijing");

    static java.util.stream.Stream<String> validJobs() {
        return JobConverterFixturesTest.validFixtureNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jobs/tfjob-kubeflow-succeeded.yaml", "jobs/tfjob-multi-containers-gpu.yaml",
        "jobs/tfjob-init-containers.yaml", "jobs/tfjob-quantity-spellings.yaml", "jobs/tfjob-tenancy.yaml"})
    void typedCustomResourceConvertsExactlyAsTheGenericOne(String fixture) {
        TypedTfJob typed = Fixtures.read(fixture, TypedTfJob.class);

        assertThat(converter.convert(typed)).isEqualTo(converter.convert(Fixtures.job(fixture)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validJobs")
    void neverMutatesTheResource(String fixture) throws JsonProcessingException {
        GenericKubernetesResource job = Fixtures.job(fixture);
        String before = Fixtures.YAML.writeValueAsString(job);

        converter.convert(job);

        assertThat(Fixtures.YAML.writeValueAsString(job)).isEqualTo(before);
        assertThat(job).isEqualTo(Fixtures.job(fixture));
    }

    @Test
    void findsReplicaSpecsUnderAnyKeyEndingInReplicaSpecs() {
        JobRecord record = converter.convert(job("""
                kind: ComboJob
                spec:
                  replicaSpecs:
                    Driver:
                      replicas: "3"
                  barReplicaSpecs:
                    Worker:
                      replicas: 2
                    Driver:
                      replicas: 9
                  bazReplicaSpecs: not-a-map
                  notReplicas:
                    Ignored:
                      replicas: 1
                """));

        // keys in order (barReplicaSpecs, replicaSpecs): a replica type named twice keeps its first occurrence
        assertThat(ResourcesJson.readJob(record.resources())).containsOnlyKeys("Driver", "Worker");
        assertThat(ResourcesJson.readJob(record.resources()).get("Driver").replicas()).isEqualTo(9);
        assertThat(ResourcesJson.readJob(record.resources()).get("Worker").replicas()).isEqualTo(2);
    }

    @Test
    void withoutReplicaSpecsTheResourcesAreAnEmptyObject() {
        assertThat(converter.convert(job("kind: TFJob\nspec: {}\n")).resources()).isEqualTo("{}");
        assertThat(converter.convert(job("kind: TFJob\n")).resources()).isEqualTo("{}");
    }

    @Test
    void conditionsWithoutTypeAreSkippedAndAFalseSucceededDoesNotFinish() {
        JobRecord record = converter.convert(job("""
                kind: TFJob
                status:
                  conditions:
                    - type: Running
                      status: "True"
                      lastUpdateTime: "2026-04-01T00:00:05Z"
                    - type: Succeeded
                      status: "False"
                      lastTransitionTime: "2026-04-01T00:10:00Z"
                    - status: "True"
                      lastTransitionTime: "2026-04-01T00:20:00Z"
                """));

        // a condition whose status is False never sets the status (a resumed job ends with Suspended=False)
        assertThat(record.status()).isEqualTo(JobStatus.RUNNING);
        // lastUpdateTime stands in for a missing lastTransitionTime
        assertThat(record.gmtRunning()).isEqualTo(JobConverterFixturesTest.t("2026-04-01T00:00:05Z"));
        assertThat(record.gmtFinished()).isNull();
        assertThat(record.gmtModified()).isEqualTo(JobConverterFixturesTest.t("2026-04-01T00:10:00Z"));
    }

    /** KubeDL's job.go writes this mark when the annotation is present, whatever its value; its console matches it. */
    @ParameterizedTest
    @ValueSource(strings = {"logDir=/logs", "{\"logDir\":\"/logs\",\"ttlSecondsAfterJobFinished\":3600}", "''"})
    void aTensorboardAnnotationMarksTheRemarkAsKubeDLDoes(String config) {
        JobRecord record = converter.convert(job("""
                kind: TFJob
                metadata:
                  annotations:
                    kubedl.io/tensorboard-config: %s
                """.formatted(config.startsWith("{") ? "'" + config + "'" : config)));

        assertThat(record.remark()).isEqualTo("EnableTensorBoard");
    }

    /** Issue 13.7: a malformed annotation never loses the job; it is stored without the annotation's fields and counted. */
    @ParameterizedTest
    @ValueSource(strings = {"'[\"alice\"]'", "'{\"tenant\":\"t\"}{\"tenant\":\"evil\"}'", "'{\"tenant\":\"t\"} trailing'",
        "'{\"tenant\":7}'", "'{\"tenant\":\"t\",\"region\":{\"name\":\"r\"}}'", "'not json'", "'\"just a string\"'"})
    void aMalformedTenancyAnnotationIsLeftOutCountedAndLoggedOnce(String annotation) {
        JobConverter fresh = JobConverter.forRegion("");
        GenericKubernetesResource malformed = job("""
                kind: TFJob
                metadata:
                  annotations:
                    kubedl.io/tenancy: %s
                """.formatted(annotation));

        JobRecord first = fresh.convert(malformed);
        fresh.convert(malformed);

        assertThat(first.tenant()).isNull();
        assertThat(first.owner()).isNull();
        assertThat(first.region()).isEmpty();
        assertThat(first.jobId()).isEqualTo("f0000000-0000-4000-8000-000000000001");
        assertThat(fresh.unreadableOptionalFields()).isEqualTo(2);
    }

    /** As Go's json.Unmarshal into KubeDL's struct: names match regardless of case, unknown members and nulls are ignored. */
    @Test
    void aTenancyAnnotationIsReadAsKubeDLsGoCodeReadsIt() {
        JobConverter fresh = JobConverter.forRegion("");
        JobRecord record = fresh.convert(job("""
                kind: TFJob
                metadata:
                  annotations:
                    kubedl.io/tenancy: '{"Tenant":"search","USER":"alice","idc":null,"quota":5,"region":"cn-hangzhou"}'
                """));

        assertThat(record.tenant()).isEqualTo("search");
        assertThat(record.owner()).isEqualTo("alice");
        assertThat(record.region()).isEqualTo("cn-hangzhou");
        assertThat(fresh.unreadableOptionalFields()).isZero();
    }

    /** Issue 11.3: KubeDL's precedence, the configured region first, the annotation's only when none is configured. */
    @Test
    void theConfiguredRegionWinsOverTheTenancyRegion() {
        JobConverter fromConfig = JobConverter.forRegion("us-west-1");

        assertThat(fromConfig.defaultRegion()).isEqualTo("us-west-1");
        assertThat(fromConfig.convert(Fixtures.job("jobs/tfjob-minimal.yaml")).region()).isEqualTo("us-west-1");
        assertThat(fromConfig.convert(Fixtures.job("jobs/tfjob-tenancy.yaml")).region()).isEqualTo("us-west-1");
        assertThat(JobConverter.forRegion("").convert(Fixtures.job("jobs/tfjob-tenancy.yaml")).region()).isEqualTo("cn-hangzhou");
        assertThat(JobConverter.forRegion(null).convert(Fixtures.job("jobs/tfjob-tenancy.yaml")).region()).isEqualTo("cn-hangzhou");
        assertThat(JobConverter.forRegion(null).convert(Fixtures.job("jobs/tfjob-minimal.yaml")).region()).isEmpty();
    }

    /** Issue 13.7: Integer.parseInt takes non-ASCII digits; Kubernetes does not, and neither does the converter. */
    @ParameterizedTest
    @ValueSource(strings = {"２", "١", "1２"})
    void nonAsciiDigitsAreNoReplicaCount(String replicas) {
        assertThatThrownBy(() -> converter.convert(job("""
                kind: TFJob
                spec:
                  tfReplicaSpecs:
                    Worker:
                      replicas: "%s"
                """.formatted(replicas))))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("spec.tfReplicaSpecs.Worker.replicas: '" + replicas + "' is not an integer");
    }

    /**
     * Issue 13.6: {@code memory: "1e1000000"} (the CRDs' quantity pattern accepts it) kept convert() busy for more
     * than 300 s; it now converts at once, capped as documented (no time is asserted: before the fix this test hung).
     */
    @Test
    void aQuantityWithAHugeExponentConvertsAtOnce() {
        JobRecord record = converter.convert(job("""
                kind: TFJob
                spec:
                  tfReplicaSpecs:
                    Worker:
                      template:
                        spec:
                          containers:
                            - name: tensorflow
                              resources:
                                limits: {memory: "1e1000000", cpu: "1e-1000000"}
                            - name: sidecar
                              resources:
                                limits: {memory: "1e100000"}
                """));

        assertThat(record.resources()).isEqualTo("{\"Worker\":{\"resources\":{\"limits\":{\"cpu\":\"1e-9\","
                + "\"memory\":\"18446744073709551614e18\"}},\"replicas\":1}}");
    }

    /**
     * Issue 13.5, with the conditions training-operator writes (pkg/util/status.go, pkg/controller.v1/common/job.go):
     * suspended, resumed, running again. A condition that is False never sets the status, and the
     * suspension's Running=False time is no running time.
     */
    @Test
    void aSuspendedJobReadsSuspendedUntilResumedAndItsSuspensionIsNoRunningTime() {
        String created = """
                    - type: Created
                      status: "True"
                      reason: PyTorchJobCreated
                      lastTransitionTime: "2026-04-01T00:00:01Z"
                """;
        String suspendedRunning = """
                    - type: Running
                      status: "False"
                      reason: PyTorchJobSuspended
                      lastTransitionTime: "2026-04-01T00:10:00Z"
                """;
        JobRecord suspended = converter.convert(job("kind: PyTorchJob\nstatus:\n  conditions:\n" + created + suspendedRunning + """
                    - type: Suspended
                      status: "True"
                      reason: PyTorchJobSuspended
                      lastTransitionTime: "2026-04-01T00:10:00Z"
                """));
        JobRecord resumed = converter.convert(job("kind: PyTorchJob\nstatus:\n  conditions:\n" + created + suspendedRunning + """
                    - type: Suspended
                      status: "False"
                      reason: PyTorchJobResumed
                      lastTransitionTime: "2026-04-01T00:30:00Z"
                """));
        JobRecord runningAgain = converter.convert(job("kind: PyTorchJob\nstatus:\n  conditions:\n" + created + """
                    - type: Suspended
                      status: "False"
                      reason: PyTorchJobResumed
                      lastTransitionTime: "2026-04-01T00:30:00Z"
                    - type: Running
                      status: "True"
                      reason: PyTorchJobRunning
                      lastTransitionTime: "2026-04-01T00:31:00Z"
                """));

        assertThat(suspended.status()).isEqualTo(JobStatus.of("Suspended"));
        assertThat(suspended.gmtRunning()).isNull();
        assertThat(resumed.status()).isEqualTo(JobStatus.CREATED);
        assertThat(resumed.gmtRunning()).isNull();
        assertThat(resumed.gmtModified()).isEqualTo(JobConverterFixturesTest.t("2026-04-01T00:30:00Z"));
        assertThat(runningAgain.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(runningAgain.gmtRunning()).isEqualTo(JobConverterFixturesTest.t("2026-04-01T00:31:00Z"));
    }

    @Test
    void aNullJobIsRefused() {
        assertThatThrownBy(() -> converter.convert(null))
                .isInstanceOf(InvalidRecordException.class).hasMessage("job: must not be null");
    }

    /** A job with valid metadata and the given YAML (kind, spec, status, annotations) merged in. */
    private static GenericKubernetesResource job(String yaml) {
        try {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> body = Fixtures.YAML.readValue(yaml, java.util.Map.class);
            java.util.Map<String, Object> metadata = new java.util.LinkedHashMap<>(java.util.Map.of(
                    "name", "inline", "namespace", "default", "uid", "f0000000-0000-4000-8000-000000000001",
                    "resourceVersion", "1", "creationTimestamp", "2026-04-01T00:00:00Z"));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> extra = (java.util.Map<String, Object>) body.getOrDefault("metadata", java.util.Map.of());
            metadata.putAll(extra);
            body.put("apiVersion", "example.com/v1");
            body.put("metadata", metadata);
            return Fixtures.YAML.convertValue(body, GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
