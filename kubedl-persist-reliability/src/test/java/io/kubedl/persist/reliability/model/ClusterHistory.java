package io.kubedl.persist.reliability.model;

import java.util.List;

/**
 * A generated stream of watch events and what it is made of, for the log.
 *
 * @param events the events in the order a controller would see them
 * @param jobs distinct jobs
 * @param pods distinct pods
 * @param duplicates events re-delivered later (an informer resync)
 * @param reordered events swapped with a later one of the same stream
 * @param removals removal events
 * @param lateStale saves re-delivered after the object was removed (rule W8 makes them STALE)
 */
public record ClusterHistory(List<WatchEvent> events, int jobs, int pods, int duplicates, int reordered,
        int removals, int lateStale) {

    /** Copies the events. */
    public ClusterHistory {
        events = List.copyOf(events);
    }

    /** @return the final state every store must end in after all events */
    public FinalStateOracle oracle() {
        return FinalStateOracle.of(events);
    }

    @Override
    public String toString() {
        return events.size() + " events over " + jobs + " jobs and " + pods + " pods (" + duplicates + " duplicates, "
                + reordered + " reordered, " + removals + " removals, " + lateStale + " late stale saves)";
    }
}
