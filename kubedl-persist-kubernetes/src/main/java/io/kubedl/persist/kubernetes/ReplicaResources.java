package io.kubedl.persist.kubernetes;

import java.util.SortedMap;

/**
 * What one replica type of a job asks for: how many replicas, and what each one needs
 * (see {@link PodResources}). Serialised by {@link ResourcesJson} as KubeDL writes it:
 * {@code {"resources":{"limits":{...},"requests":{...}},"replicas":2}}.
 *
 * @param replicas {@code spec.*ReplicaSpecs.<type>.replicas}; 1 when the manifest omits it, as the operators default it
 * @param requests resource name to quantity as Kubernetes writes it, per replica; never null
 * @param limits resource name to quantity as Kubernetes writes it, per replica; never null
 */
public record ReplicaResources(int replicas, SortedMap<String, String> requests, SortedMap<String, String> limits) {

    /**
     * Copies both maps into unmodifiable sorted maps; null reads as empty.
     * @param replicas how many replicas
     * @param requests resource name to quantity per replica, or null
     * @param limits resource name to quantity per replica, or null
     */
    public ReplicaResources {
        requests = PodResources.sortedCopy(requests);
        limits = PodResources.sortedCopy(limits);
    }

    /**
     * @param replicas how many replicas
     * @param perReplica what each replica needs
     * @return the replica resources
     */
    public static ReplicaResources of(int replicas, PodResources perReplica) {
        return new ReplicaResources(replicas, perReplica.requests(), perReplica.limits());
    }

    /** @return what one replica needs */
    public PodResources perReplica() {
        return new PodResources(requests, limits);
    }
}
