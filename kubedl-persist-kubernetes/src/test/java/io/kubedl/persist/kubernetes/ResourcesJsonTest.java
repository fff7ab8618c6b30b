package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resources JSON is byte for byte what KubeDL's Go code writes (json.Marshal of its
 * replicaResources struct and of corev1.ResourceRequirements), and reads back, as do rows
 * written by version 0.1.0.
 */
class ResourcesJsonTest {

    /** Go sorts map keys, writes struct fields in declaration order (resources, replicas) and omits empty lists. */
    @Test
    void jobJsonIsWhatKubeDLWrites() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("nvidia.com/gpu", "1");
        requests.put("memory", "4Gi");
        requests.put("cpu", "2");
        Map<String, ReplicaResources> replicas = new LinkedHashMap<>();
        replicas.put("Worker", ReplicaResources.of(2, PodResources.of(requests, Map.of("nvidia.com/gpu", "1"))));
        replicas.put("PS", ReplicaResources.of(1, PodResources.NONE));

        assertThat(ResourcesJson.ofJob(replicas)).isEqualTo("{\"PS\":{\"resources\":{},\"replicas\":1},"
                + "\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"},"
                + "\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\",\"nvidia.com/gpu\":\"1\"}},\"replicas\":2}}");
        assertThat(ResourcesJson.ofJob(Map.of())).isEqualTo("{}");
    }

    @Test
    void jobJsonReadsBack() {
        String json = "{\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"requests\":{\"cpu\":\"8\"}},"
                + "\"replicas\":4}}";

        var read = ResourcesJson.readJob(json);

        assertThat(read).containsOnlyKeys("Worker");
        assertThat(read.get("Worker").replicas()).isEqualTo(4);
        assertThat(read.get("Worker").limits()).containsEntry("nvidia.com/gpu", "2");
        assertThat(read.get("Worker").perReplica().requests()).containsEntry("cpu", "8");
        assertThat(ResourcesJson.ofJob(read)).isEqualTo(json);
    }

    /** Rows written by 0.1.0 kept limits, replicas and requests side by side, with empty maps; they still read. */
    @Test
    void jobJsonOfVersion010StillReads() {
        String old = "{\"PS\":{\"limits\":{},\"replicas\":1,\"requests\":{}},"
                + "\"Worker\":{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"replicas\":4,\"requests\":{\"cpu\":\"8\"}}}";

        var read = ResourcesJson.readJob(old);

        assertThat(read.get("PS")).isEqualTo(ReplicaResources.of(1, PodResources.NONE));
        assertThat(read.get("Worker")).isEqualTo(ReplicaResources.of(4, PodResources.of(Map.of("cpu", "8"),
                Map.of("nvidia.com/gpu", "2"))));
        assertThat(ResourcesJson.ofJob(read)).isEqualTo("{\"PS\":{\"resources\":{},\"replicas\":1},"
                + "\"Worker\":{\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"requests\":{\"cpu\":\"8\"}},\"replicas\":4}}");
        assertThat(ResourcesJson.readPod("{\"limits\":{},\"requests\":{\"cpu\":\"1\"}}"))
                .isEqualTo(PodResources.of(Map.of("cpu", "1"), null));
    }

    /** KubeDL writes replicas 0 when the spec leaves them out (its pointer is nil); that reads as written. */
    @Test
    void jobJsonAsKubeDLWroteItReads() {
        var read = ResourcesJson.readJob("{\"Worker\":{\"resources\":{\"requests\":{\"cpu\":\"1\"}},\"replicas\":0}}");

        assertThat(read.get("Worker")).isEqualTo(ReplicaResources.of(0, PodResources.of(Map.of("cpu", "1"), null)));
    }

    @Test
    void podJsonHasTheShapeOfOneReplica() {
        PodResources pod = PodResources.of(Map.of("memory", "1Gi", "cpu", "500m"), Map.of("cpu", "1"));

        String json = ResourcesJson.ofPod(pod);

        assertThat(json).isEqualTo("{\"limits\":{\"cpu\":\"1\"},\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}");
        assertThat(ResourcesJson.readPod(json)).isEqualTo(pod);
    }

    @Test
    void anEmptyPodIsAnEmptyObjectAsInGo() {
        assertThat(ResourcesJson.ofPod(PodResources.NONE)).isEqualTo("{}");
        assertThat(ResourcesJson.readPod("{}")).isEqualTo(PodResources.NONE);
    }

    @Test
    void refusesJsonOfAnotherShapeNamingTheField() {
        assertThatThrownBy(() -> ResourcesJson.readJob("{\"Worker\":{\"replicas\":\"two\"}}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("resources: not the JSON of a job's resources: replicas of 'Worker' is not an integer");
        assertThatThrownBy(() -> ResourcesJson.readPod("{\"limits\":{\"cpu\":1}}"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("resources: not the JSON of a pod's resources: quantity of 'cpu' is not a string");
        assertThatThrownBy(() -> ResourcesJson.readJob("[1,2]"))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("resources"));
        assertThatThrownBy(() -> ResourcesJson.readPod("{\"requests\":"))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("resources"));
        assertThatThrownBy(() -> ResourcesJson.readPod(null))
                .isInstanceOf(InvalidRecordException.class).hasMessage("resources: must not be null or blank");
    }

    @Test
    void mapsInRecordsAreUnmodifiableCopies() {
        Map<String, String> requests = new LinkedHashMap<>(Map.of("cpu", "1"));
        PodResources pod = PodResources.of(requests, null);
        requests.put("memory", "1Gi");

        assertThat(pod.requests()).containsOnlyKeys("cpu");
        assertThat(pod.limits()).isEmpty();
        assertThatThrownBy(() -> pod.requests().put("x", "1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
