package io.kubedl.persist.reliability.model;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row every identity MUST end with after a stream of events, computed from the
 * contract alone: the state of the highest resourceVersion seen before the removal
 * (W2..W4, W8), then the removal applied as D1 says (an unfinished object becomes
 * Stopped with gmtFinished = gmtModified = the removal time; a finished one keeps its
 * status and gmtModified and gets gmtFinished only if it had none).
 *
 * @param jobs the expected job rows by identity
 * @param pods the expected pod rows by identity
 */
public record FinalStateOracle(Map<JobKey, JobRecord> jobs, Map<PodKey, PodRecord> pods) {

    /** Copies the maps. */
    public FinalStateOracle {
        jobs = Map.copyOf(jobs);
        pods = Map.copyOf(pods);
    }

    /**
     * @param events the events in delivery order
     * @return the expected final rows
     */
    public static FinalStateOracle of(List<WatchEvent> events) {
        Map<JobKey, JobRecord> jobs = new HashMap<>();
        Map<PodKey, PodRecord> pods = new HashMap<>();
        Map<JobKey, Instant> removedJobs = new HashMap<>();
        Map<PodKey, Instant> removedPods = new HashMap<>();
        for (WatchEvent event : events) {
            if (event instanceof WatchEvent.JobSaved e) {
                if (!removedJobs.containsKey(e.job().key())) {
                    jobs.merge(e.job().key(), e.job(), (old, neu) -> neu.version().isNewerThan(old.version()) ? neu : old);
                }
            } else if (event instanceof WatchEvent.PodSaved e) {
                if (!removedPods.containsKey(e.pod().key())) {
                    pods.merge(e.pod().key(), e.pod(), (old, neu) -> neu.version().isNewerThan(old.version()) ? neu : old);
                }
            } else if (event instanceof WatchEvent.JobRemoved e) {
                if (jobs.containsKey(e.key())) {
                    removedJobs.putIfAbsent(e.key(), e.at());
                }
            } else if (event instanceof WatchEvent.PodRemoved e) {
                if (pods.containsKey(e.key())) {
                    removedPods.putIfAbsent(e.key(), e.at());
                }
            }
        }
        removedJobs.forEach((key, at) -> jobs.put(key, removed(jobs.get(key), at)));
        removedPods.forEach((key, at) -> pods.put(key, removed(pods.get(key), at)));
        return new FinalStateOracle(jobs, pods);
    }

    /** D1 for a job. @param job the stored row @param at removal time @return the row after markRemoved */
    public static JobRecord removed(JobRecord job, Instant at) {
        JobRecord.Builder b = job.toBuilder().inEtcd(false);
        if (job.status().isFinished()) {
            b.gmtFinished(job.gmtFinished() != null ? job.gmtFinished() : at);
        } else {
            b.status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at);
        }
        return b.build();
    }

    /** D1 for a pod. @param pod the stored row @param at removal time @return the row after markRemoved */
    public static PodRecord removed(PodRecord pod, Instant at) {
        PodRecord.Builder b = pod.toBuilder().inEtcd(false);
        if (pod.status().isFinished()) {
            b.gmtFinished(pod.gmtFinished() != null ? pod.gmtFinished() : at);
        } else {
            b.status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at);
        }
        return b.build();
    }

    /** @return how many identities were removed from etcd */
    public long removedCount() {
        return jobs.values().stream().filter(j -> !j.inEtcd()).count()
                + pods.values().stream().filter(p -> !p.inEtcd()).count();
    }
}
