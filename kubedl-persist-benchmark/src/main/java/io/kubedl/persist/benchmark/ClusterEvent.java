package io.kubedl.persist.benchmark;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import java.time.Instant;

/** One watch event as a controller sees it: an observed state of a job or pod, or its removal. */
sealed interface ClusterEvent {

    /** @param job the observed state */
    record JobSaved(JobRecord job) implements ClusterEvent {
    }

    /** @param pod the observed state */
    record PodSaved(PodRecord pod) implements ClusterEvent {
    }

    /** @param key the job @param at when it was removed from etcd */
    record JobRemoved(JobKey key, Instant at) implements ClusterEvent {
    }

    /** @param key the pod @param at when it was removed from etcd */
    record PodRemoved(PodKey key, Instant at) implements ClusterEvent {
    }
}
