package io.kubedl.persist.examples.demo;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubedl.persist.kubernetes.JobConverter;
import io.kubedl.persist.kubernetes.PodConverter;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.MetaStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds watch events to a store the way a controller does, synchronously: an ADDED or
 * MODIFIED object is converted and saved (the store keeps the newest resourceVersion);
 * a DELETED object's last state is saved, then it is marked removed at its
 * deletionTimestamp (rule D1), so the row stays as history. Pods that are not pods of
 * a training job are skipped.
 */
public final class StoreReplayer {
    private final MetaStore store;
    private final JobConverter jobs;
    private final PodConverter pods;
    private final Clock clock;
    private final Map<WriteOutcome, Integer> outcomes = new EnumMap<>(WriteOutcome.class);
    private final Set<String> jobIds = new LinkedHashSet<>();
    private final Map<String, JobStatus> lastStatus = new HashMap<>();
    private final List<JobTransition> transitions = new ArrayList<>();

    /**
     * @param store where to write
     * @param jobs converts job objects
     * @param pods converts pods
     * @param clock the removal time of a deletion without a deletionTimestamp
     */
    public StoreReplayer(MetaStore store, JobConverter jobs, PodConverter pods, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.pods = pods;
        this.clock = clock;
    }

    /** @param event the event to apply */
    public void apply(ClusterEvent event) {
        if (event.isPod()) {
            Optional<PodRecord> pod = pods.convert((Pod) event.object());
            pod.ifPresent(record -> {
                count(store.pods().save(record));
                if (event.isDeletion()) {
                    count(store.pods().markRemoved(record.key(), event.deletedAt(clock.instant())));
                }
            });
        } else {
            JobRecord job = jobs.convert(event.object());
            jobIds.add(job.jobId());
            WriteOutcome saved = store.jobs().save(job);
            count(saved);
            if (saved.changedRow() && !job.status().equals(lastStatus.put(job.jobId(), job.status()))) {
                transitions.add(new JobTransition(job.gmtModified() != null ? job.gmtModified() : job.gmtCreated(), job,
                        job.status().value()));
            }
            if (event.isDeletion()) {
                Instant removedAt = event.deletedAt(clock.instant());
                count(store.jobs().markRemoved(job.key(), removedAt));
                String stored = store.jobs().get(job.key()).map(row -> row.status().value()).orElse("?");
                transitions.add(new JobTransition(removedAt, job, "deleted from the cluster; kept as " + stored));
            }
        }
    }

    private void count(WriteOutcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** @return how many writes ended with each outcome */
    public Map<WriteOutcome, Integer> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** @return every status change of a job the store accepted, and every removal, in replay order */
    public List<JobTransition> transitions() {
        return List.copyOf(transitions);
    }

    /** @return the UIDs of the jobs replayed, in first-seen order */
    public Set<String> jobIds() {
        return Set.copyOf(jobIds);
    }

    /**
     * A line of the replay's timeline.
     *
     * @param at when it happened (the condition's transition time, or the deletion time)
     * @param job the job's state at that event
     * @param what the new status, or what the deletion did
     */
    public record JobTransition(Instant at, JobRecord job, String what) {
    }
}
