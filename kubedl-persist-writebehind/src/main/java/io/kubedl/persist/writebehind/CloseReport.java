package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.PodKey;
import java.util.List;

/**
 * What {@link WriteBehindStore#close(java.time.Duration)} could not make durable
 * before its timeout: identities still waiting, or whose write had not been
 * confirmed by the store (such a write may still have reached the database).
 * Writes that failed for good were reported to the listener and are not listed here.
 *
 * @param unwrittenJobs jobs not confirmed written
 * @param unwrittenPods pods not confirmed written
 */
public record CloseReport(List<JobKey> unwrittenJobs, List<PodKey> unwrittenPods) {
    /**
     * Copies the lists.
     * @param unwrittenJobs jobs not confirmed written
     * @param unwrittenPods pods not confirmed written
     */
    public CloseReport {
        unwrittenJobs = List.copyOf(unwrittenJobs);
        unwrittenPods = List.copyOf(unwrittenPods);
    }

    /** @return true when everything accepted was written (or reported as failed) */
    public boolean complete() {
        return unwrittenJobs.isEmpty() && unwrittenPods.isEmpty();
    }

    /** @return how many identities were not confirmed written */
    public int unwrittenCount() {
        return unwrittenJobs.size() + unwrittenPods.size();
    }

    @Override
    public String toString() {
        return complete() ? "CloseReport[complete]"
                : "CloseReport[unwritten jobs=" + unwrittenJobs + ", pods=" + unwrittenPods + "]";
    }
}
