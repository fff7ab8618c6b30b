package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;

/**
 * Folds a removal into the save that precedes it, so that "save v, then markRemoved"
 * costs one row of a saveAll batch instead of an extra round trip. The folded record
 * is what D1 makes of the row that the save of v leaves: not in etcd; an unfinished
 * object Stopped with gmtFinished = gmtModified = the removal time; a finished one
 * keeping its status and gmtModified. The fold is only valid when the save changes
 * the row (INSERTED or UPDATED); otherwise the writer still calls markRemoved.
 *
 * <p>Returns null when the fold would not be exact: a finished record without
 * gmtFinished (D1 would keep a gmtFinished already stored, which a save cannot know).
 */
final class RemovedRecords {
    private RemovedRecords() {
    }

    static JobRecord job(JobRecord job, Instant removedAt) {
        if (!job.status().isFinished()) {
            return job.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(removedAt)
                    .gmtModified(removedAt).build();
        }
        return job.gmtFinished() == null ? null : job.withInEtcd(false);
    }

    static PodRecord pod(PodRecord pod, Instant removedAt) {
        if (!pod.status().isFinished()) {
            return pod.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(removedAt)
                    .gmtModified(removedAt).build();
        }
        return pod.gmtFinished() == null ? null : pod.withInEtcd(false);
    }
}
