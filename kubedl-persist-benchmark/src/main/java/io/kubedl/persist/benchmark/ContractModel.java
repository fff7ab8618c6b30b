package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The rows the contract says a stream of events leaves (W1..W8, D1), computed in
 * memory: the expected final table every write path is checked against, and the rows
 * the ceiling path inserts. Records in the stream always carry gmtModified, so no rule
 * needs the current time.
 */
final class ContractModel {
    private ContractModel() {
    }

    static void apply(ClusterEvent event, Map<JobKey, JobRecord> jobs, Map<PodKey, PodRecord> pods) {
        if (event instanceof ClusterEvent.JobSaved saved) {
            jobs.merge(saved.job().key(), saved.job(), ContractModel::saveJob);
        } else if (event instanceof ClusterEvent.PodSaved saved) {
            pods.merge(saved.pod().key(), saved.pod(), ContractModel::savePod);
        } else if (event instanceof ClusterEvent.JobRemoved removed) {
            jobs.computeIfPresent(removed.key(), (k, row) -> removeJob(row, removed.at()));
        } else if (event instanceof ClusterEvent.PodRemoved removed) {
            pods.computeIfPresent(removed.key(), (k, row) -> removePod(row, removed.at()));
        }
    }

    private static JobRecord saveJob(JobRecord row, JobRecord in) {
        if (!row.inEtcd() || !in.version().isNewerThan(row.version())) {
            return row;
        }
        return in.toBuilder().gmtCreated(row.gmtCreated())
                .gmtModified(in.status().equals(row.status()) ? row.gmtModified() : in.gmtModified())
                // W7: a job keeps the time it FIRST ran (COALESCE(stored, new))
                .gmtRunning(first(row.gmtRunning(), in.gmtRunning()))
                .gmtFinished(first(in.gmtFinished(), row.gmtFinished())).build();
    }

    private static PodRecord savePod(PodRecord row, PodRecord in) {
        if (!row.inEtcd() || !in.version().isNewerThan(row.version())) {
            return row;
        }
        return in.toBuilder().gmtCreated(row.gmtCreated())
                .gmtModified(in.status().equals(row.status()) ? row.gmtModified() : in.gmtModified())
                .gmtStarted(first(in.gmtStarted(), row.gmtStarted()))
                .gmtFinished(first(in.gmtFinished(), row.gmtFinished())).build();
    }

    private static JobRecord removeJob(JobRecord row, Instant at) {
        if (!row.inEtcd()) {
            return row;
        }
        if (row.status().isFinished()) {
            return row.toBuilder().inEtcd(false).gmtFinished(first(row.gmtFinished(), at)).build();
        }
        return row.toBuilder().inEtcd(false).status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
    }

    private static PodRecord removePod(PodRecord row, Instant at) {
        if (!row.inEtcd()) {
            return row;
        }
        if (row.status().isFinished()) {
            return row.toBuilder().inEtcd(false).gmtFinished(first(row.gmtFinished(), at)).build();
        }
        return row.toBuilder().inEtcd(false).status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
