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
