package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.convert.JobConverter;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the informer's events of one job kind into writes: an added or updated job is
 * converted and submitted (the store keeps the newest resourceVersion, so the order
 * in which events arrive does not matter); a deleted job's last state is submitted,
 * then it is marked removed at its deletionTimestamp (rule D1). Runs on the
 * informer's thread and never blocks on the database.
 */
final class JobEventHandler implements ResourceEventHandler<GenericKubernetesResource> {
    private static final Logger LOG = LoggerFactory.getLogger(JobEventHandler.class);

    private final JobConverter converter;
    private final WriteBehindStore store;
    private final Clock clock;
    private final AtomicLong refused;

    JobEventHandler(JobConverter converter, WriteBehindStore store, Clock clock, AtomicLong refused) {
        this.converter = converter;
        this.store = store;
        this.clock = clock;
        this.refused = refused;
    }

    @Override
    public void onAdd(GenericKubernetesResource job) {
        convert(job, "added");
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        convert(after, "updated");
    }

    @Override
    public void onDelete(GenericKubernetesResource job, boolean finalStateUnknown) {
        JobRecord record = convert(job, "deleted");
        if (record != null) {
            store.markRemoved(record.key(), RemovalTime.of(job, clock));
        }
    }

    private JobRecord convert(GenericKubernetesResource job, String event) {
        try {
            JobRecord record = converter.convert(job);
            store.submit(record);
            return record;
        } catch (InvalidRecordException e) {
            // one malformed object must not stop the informer: it is counted and logged with the bad path
            refused.incrementAndGet();
            LOG.warn("skipped {} {} {}/{}: {}", event, job.getKind(), job.getMetadata().getNamespace(),
                    job.getMetadata().getName(), e.getMessage());
            return null;
        }
    }
}
