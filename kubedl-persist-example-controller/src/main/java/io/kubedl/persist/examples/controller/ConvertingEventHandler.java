package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an informer's events into writes: an added or updated object is converted and
 * submitted (the store keeps the newest resourceVersion, so the order in which events
 * arrive does not matter); a deleted object's last state is submitted, then it is
 * marked removed at its deletionTimestamp (rule D1). An object the converter refuses
 * is counted and logged, and MUST NOT stop the informer. Runs on the informer's thread
 * and never blocks on the database.
 *
 * @param <T> the Kubernetes object the informer delivers
 * @param <R> the record it becomes, JobRecord or PodRecord
 */
abstract class ConvertingEventHandler<T extends HasMetadata, R> implements ResourceEventHandler<T> {
    // named after the subclass, as JobEventHandler and PodEventHandler always logged
    private final Logger log = LoggerFactory.getLogger(getClass());
    final WriteBehindStore store;
    private final Clock clock;
    private final AtomicLong refused;

    ConvertingEventHandler(WriteBehindStore store, Clock clock, AtomicLong refused) {
        this.store = store;
        this.clock = clock;
        this.refused = refused;
    }

    /** @return the record of the object, or empty when it is not ours to keep */
    abstract Optional<R> toRecord(T object);

    /** Hands the record to the write-behind store. */
    abstract void submit(R record);

    /** Marks the record's identity removed from etcd. */
    abstract void markRemoved(R record, Instant removedAt);

    /** @return what the object is, for the log line of a refused one, e.g. "TFJob" or "pod" */
    abstract String describe(T object);

    @Override
    public void onAdd(T object) {
        convert(object, "added");
    }

    @Override
    public void onUpdate(T before, T after) {
        convert(after, "updated");
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
        convert(object, "deleted").ifPresent(record -> markRemoved(record, RemovalTime.of(object, clock)));
    }

    private Optional<R> convert(T object, String event) {
        try {
            Optional<R> record = toRecord(object);
            record.ifPresent(this::submit);
            return record;
        } catch (InvalidRecordException e) {
            // one malformed object must not stop the informer: it is counted and logged with the bad path
            refused.incrementAndGet();
            log.warn("skipped {} {} {}/{}: {}", event, describe(object), object.getMetadata().getNamespace(),
                    object.getMetadata().getName(), e.getMessage());
            return Optional.empty();
        }
    }
}
