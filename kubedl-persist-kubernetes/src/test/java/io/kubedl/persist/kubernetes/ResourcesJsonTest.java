package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resources JSON has one byte-stable shape, and reads back to what was written. */
class ResourcesJsonTest {

    @Test
    void jobJsonSortsEveryKeyWhateverTheInputOrder() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("nvidia.com/gpu", "1");
        requests.put("memory", "4Gi");
        requests.put("cpu", "2");
        Map<String, ReplicaResources> replicas = new LinkedHashMap<>();
        replicas.put("Worker", ReplicaResources.of(2, PodResources.of(requests, null)));
        replicas.put("PS", ReplicaResources.of(1, PodResources.NONE));

        assertThat(ResourcesJson.ofJob(replicas)).isEqualTo("{\"PS\":{\"limits\":{},\"replicas\":1,\"requests\":{}},"
                + "\"Worker\":{\"limits\":{},\"replicas\":2,"
                + "\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\",\"nvidia.com/gpu\":\"1\"}}}");
    }

    @Test
    void jobJsonReadsBack() {
        String json = "{\"Worker\":{\"limits\":{\"nvidia.com/gpu\":\"2\"},\"replicas\":4,\"requests\":{\"cpu\":\"8\"}}}";

        var read = ResourcesJson.readJob(json);

        assertThat(read).containsOnlyKeys("Worker");
        assertThat(read.get("Worker").replicas()).isEqualTo(4);
        assertThat(read.get("Worker").limits()).containsEntry("nvidia.com/gpu", "2");
        assertThat(read.get("Worker").perReplica().requests()).containsEntry("cpu", "8");
        assertThat(ResourcesJson.ofJob(read)).isEqualTo(json);
    }

    @Test
    void podJsonHasTheShapeOfOneReplica() {
        PodResources pod = PodResources.of(Map.of("memory", "1Gi", "cpu", "500m"), Map.of("cpu", "1"));

        String json = ResourcesJson.ofPod(pod);

        assertThat(json).isEqualTo("{\"limits\":{\"cpu\":\"1\"},\"requests\":{\"cpu\":\"500m\",\"memory\":\"1Gi\"}}");
        assertThat(ResourcesJson.readPod(json)).isEqualTo(pod);
    }

    @Test
    void refusesJsonOfAnotherShapeNamingTheField() {
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
