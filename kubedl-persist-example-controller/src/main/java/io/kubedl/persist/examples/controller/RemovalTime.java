package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When a deleted object left the cluster: its {@code metadata.deletionTimestamp}, else
 * now (a forced deletion, or a final state the informer did not see, has none).
 */
final class RemovalTime {
    private RemovalTime() {
    }

    static Instant of(HasMetadata object, Clock clock) {
        String stamp = object.getMetadata().getDeletionTimestamp();
        if (stamp != null) {
            try {
                return Instant.parse(stamp);
            } catch (DateTimeParseException e) {
                // a removal is recorded even when its time is unreadable: now is the next best time
            }
        }
        return clock.instant();
    }
}
