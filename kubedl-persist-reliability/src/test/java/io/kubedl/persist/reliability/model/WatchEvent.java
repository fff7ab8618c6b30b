package io.kubedl.persist.reliability.model;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import java.time.Instant;

/** One thing a controller observed and must persist: a saved state, or a removal from etcd. */
public sealed interface WatchEvent {

    /** @param job the observed state of a job */
    record JobSaved(JobRecord job) implements WatchEvent {
    }

    /** @param pod the observed state of a pod */
    record PodSaved(PodRecord pod) implements WatchEvent {
    }

    /** @param key the job that left etcd @param at when the removal was observed */
    record JobRemoved(JobKey key, Instant at) implements WatchEvent {
    }

    /** @param key the pod that left etcd @param at when the removal was observed */
    record PodRemoved(PodKey key, Instant at) implements WatchEvent {
    }
}
