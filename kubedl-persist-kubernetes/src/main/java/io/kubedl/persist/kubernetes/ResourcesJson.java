package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubedl.persist.InvalidRecordException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON of the {@code resources} column, byte for byte as KubeDL's Go code writes it
 * ({@code json.Marshal} of its replica map and of {@code corev1.ResourceRequirements}): compact,
 * map keys sorted, {@code limits} and {@code requests} left out when empty, quantities as
 * Kubernetes' {@code Quantity.String()} writes them (see docs/converters.md).
 *
 * <p>A job: {@code {"PS":{"resources":{"limits":{"cpu":"2"},"requests":{"cpu":"1"}},"replicas":1},"Worker":{...}}},
 * keyed by replica type as spelled in the spec. A pod: {@code {"limits":{...},"requests":{...}}}.
 * The readers also accept the shape version 0.1.0 wrote, where a job's replica held
 * {@code limits}, {@code replicas} and {@code requests} side by side.
 */
public final class ResourcesJson {
    /** No key ordering feature: Go orders map keys (our maps are sorted) but not struct fields. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ResourcesJson() {
    }

    /**
     * @param replicas replica type to its resources
     * @return the job's resources JSON
     */
    public static String ofJob(Map<String, ReplicaResources> replicas) {
        Map<String, Object> json = new TreeMap<>();
        replicas.forEach((type, replica) -> {
            // Go writes struct fields in declaration order: resources, then replicas
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("resources", requirements(replica.requests(), replica.limits()));
            entry.put("replicas", replica.replicas());
            json.put(type, entry);
        });
        return write(json);
    }

    /**
     * @param pod what the pod needs
     * @return the pod's resources JSON
     */
    public static String ofPod(PodResources pod) {
        return write(requirements(pod.requests(), pod.limits()));
    }

    private static Map<String, Object> requirements(Map<String, String> requests, Map<String, String> limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!limits.isEmpty()) {
            json.put("limits", limits);
        }
        if (!requests.isEmpty()) {
            json.put("requests", requests);
        }
        return json;
    }

    /**
     * Reads a job's resources JSON back, in KubeDL's shape or in the shape 0.1.0 wrote.
     *
     * @param json JSON written by {@link #ofJob(Map)}, by KubeDL, or by version 0.1.0
     * @return replica type to its resources, sorted by replica type
     * @throws InvalidRecordException naming {@code resources} when the JSON has another shape
     */
    public static SortedMap<String, ReplicaResources> readJob(String json) {
        JsonNode root = readTree(json, "job");
        SortedMap<String, ReplicaResources> result = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(root, "job")) {
            JsonNode replica = entry.getValue();
            if (!replica.isObject()) {
                throw new InvalidRecordException("resources", "not the JSON of a job's resources: replica type '"
                        + entry.getKey() + "' is not an object");
            }
            JsonNode requirements = replica.has("resources") ? replica.get("resources") : replica;
            JsonNode replicas = replica.path("replicas");
            if (!replicas.isMissingNode() && !replicas.canConvertToInt()) {
                throw new InvalidRecordException("resources", "not the JSON of a job's resources: replicas of '"
                        + entry.getKey() + "' is not an integer");
            }
            PodResources perReplica = requirements(requirements, "job");
            result.put(entry.getKey(), ReplicaResources.of(replicas.asInt(0), perReplica));
        }
        return Collections.unmodifiableSortedMap(result);
    }

    /**
     * Reads a pod's resources JSON back.
     *
     * @param json JSON written by {@link #ofPod(PodResources)}, by KubeDL or by version 0.1.0
     * @return what the pod needs
     * @throws InvalidRecordException naming {@code resources} when the JSON has another shape
     */
    public static PodResources readPod(String json) {
        return requirements(readTree(json, "pod"), "pod");
    }

    private static PodResources requirements(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new InvalidRecordException("resources", "not the JSON of a " + what + "'s resources: requirements are not an object");
        }
        return PodResources.of(quantities(node.path("requests"), what), quantities(node.path("limits"), what));
    }

    private static Map<String, String> quantities(JsonNode node, String what) {
        Map<String, String> result = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            throw new InvalidRecordException("resources", "not the JSON of a " + what + "'s resources: limits or requests are not an object");
        }
        for (Map.Entry<String, JsonNode> entry : fields(node, what)) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidRecordException("resources", "not the JSON of a " + what + "'s resources: quantity of '"
                        + entry.getKey() + "' is not a string");
            }
            result.put(entry.getKey(), entry.getValue().textValue());
        }
        return result;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new InvalidRecordException("resources", "not the JSON of a " + what + "'s resources: not an object");
        }
        return node::fields;
    }

    private static JsonNode readTree(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new InvalidRecordException("resources", "must not be null or blank");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("resources", "not the JSON of a " + what + "'s resources: " + e.getOriginalMessage());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // maps of strings and ints always serialise; reaching this is a bug in this class
            throw new IllegalStateException("cannot serialise resources", e);
        }
    }
}
