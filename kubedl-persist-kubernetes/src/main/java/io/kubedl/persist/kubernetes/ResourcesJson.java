package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubedl.persist.InvalidRecordException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON of the {@code resources} column, in one stable shape: compact, every object's
 * keys sorted, quantities in canonical form (see docs/converters.md). Equal resources
 * always give byte-equal JSON, so a store or a test may compare the strings.
 *
 * <p>A job: {@code {"PS":{"limits":{"cpu":"2"},"replicas":1,"requests":{"cpu":"1"}},"Worker":{...}}},
 * keyed by replica type as spelled in the spec. A pod: {@code {"limits":{...},"requests":{...}}},
 * the shape of one replica without {@code replicas}.
 */
public final class ResourcesJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<TreeMap<String, ReplicaResources>> JOB_TYPE = new TypeReference<>() {
    };

    private ResourcesJson() {
    }

    /**
     * @param replicas replica type to its resources
     * @return the job's resources JSON
     */
    public static String ofJob(Map<String, ReplicaResources> replicas) {
        return write(new TreeMap<>(replicas));
    }

    /**
     * @param pod what the pod needs
     * @return the pod's resources JSON
     */
    public static String ofPod(PodResources pod) {
        return write(pod);
    }

    /**
     * Reads a job's resources JSON back.
     *
     * @param json JSON written by {@link #ofJob(Map)}
     * @return replica type to its resources, sorted by replica type
     * @throws InvalidRecordException naming {@code resources} when the JSON has another shape
     */
    public static SortedMap<String, ReplicaResources> readJob(String json) {
        requireJson(json);
        try {
            return Collections.unmodifiableSortedMap(MAPPER.readValue(json, JOB_TYPE));
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("resources", "not the JSON of a job's resources: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a pod's resources JSON back.
     *
     * @param json JSON written by {@link #ofPod(PodResources)}
     * @return what the pod needs
     * @throws InvalidRecordException naming {@code resources} when the JSON has another shape
     */
    public static PodResources readPod(String json) {
        requireJson(json);
        try {
            return MAPPER.readValue(json, PodResources.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("resources", "not the JSON of a pod's resources: " + e.getOriginalMessage());
        }
    }

    private static void requireJson(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRecordException("resources", "must not be null or blank");
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // records of strings and ints always serialise; reaching this is a bug in this class
            throw new IllegalStateException("cannot serialise resources", e);
        }
    }
}
