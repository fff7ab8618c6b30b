package io.kubedl.persist.examples.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.Objects;

/**
 * One watch event as an informer delivers it: ADDED, MODIFIED or DELETED, and the
 * object (a {@code Pod} or a {@code GenericKubernetesResource} for a job kind).
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param object the object as the api-server sent it
 */
public record ClusterEvent(String type, HasMetadata object) {
    /** Validates the type. */
    public ClusterEvent {
        Objects.requireNonNull(object, "object");
        if (!type.equals("ADDED") && !type.equals("MODIFIED") && !type.equals("DELETED")) {
            throw new IllegalArgumentException("type must be ADDED, MODIFIED or DELETED, was " + type);
        }
    }

    /** @return true for a DELETED event */
    public boolean isDeletion() {
        return type.equals("DELETED");
    }

    /** @return true when the object is a Pod (else it is a job) */
    public boolean isPod() {
        return "Pod".equals(object.getKind());
    }

    /**
     * @param fallback used when the object carries no deletionTimestamp
     * @return when the object was deleted
     */
    public Instant deletedAt(Instant fallback) {
        String stamp = object.getMetadata().getDeletionTimestamp();
        return stamp == null ? fallback : Instant.parse(stamp);
    }
}
