package io.kubedl.persist.kubernetes;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one pod (or one replica of a job) needs: resource name to quantity as Kubernetes writes it,
 * for requests and for limits separately, each the maximum of the largest init
 * container and the sum of the containers. Serialised by {@link ResourcesJson} as
 * KubeDL writes {@code corev1.ResourceRequirements}: {@code {"limits":{...},"requests":{...}}},
 * keys sorted, an empty map left out.
 *
 * @param requests resource name (e.g. {@code cpu}, {@code nvidia.com/gpu}) to canonical quantity; never null
 * @param limits resource name to quantity as Kubernetes writes it; never null
 */
public record PodResources(SortedMap<String, String> requests, SortedMap<String, String> limits) {
    /** No requests and no limits. */
    public static final PodResources NONE = new PodResources(null, null);

    /**
     * Copies both maps into unmodifiable sorted maps; null reads as empty.
     * @param requests resource name to quantity, or null
     * @param limits resource name to quantity, or null
     */
    public PodResources {
        requests = sortedCopy(requests);
        limits = sortedCopy(limits);
    }

    /**
     * @param requests resource name to quantity, any map or null
     * @param limits resource name to quantity, any map or null
     * @return the resources with both maps copied and sorted
     */
    public static PodResources of(Map<String, String> requests, Map<String, String> limits) {
        return new PodResources(sortedCopy(requests), sortedCopy(limits));
    }

    static SortedMap<String, String> sortedCopy(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
