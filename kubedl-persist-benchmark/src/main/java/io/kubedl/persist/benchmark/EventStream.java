package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import java.util.List;
import java.util.Map;

/**
 * A generated stream of watch events and the final rows it must leave in any store
 * that follows the contract.
 *
 * @param events the events, in delivery order
 * @param finalJobs the expected final job rows by identity
 * @param finalPods the expected final pod rows by identity
 * @param duplicates how many events are re-deliveries (duplicates or out-of-order versions)
 */
record EventStream(List<ClusterEvent> events, Map<JobKey, JobRecord> finalJobs, Map<PodKey, PodRecord> finalPods,
                   int duplicates) {

    /** @return how many distinct rows the stream ends with */
    int finalRows() {
        return finalJobs.size() + finalPods.size();
    }

    /** @return how many events are removals */
    long removals() {
        return events.stream().filter(e -> e instanceof ClusterEvent.JobRemoved
                || e instanceof ClusterEvent.PodRemoved).count();
    }
}
