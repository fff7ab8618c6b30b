package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.convert.PodConverter;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns pod events into writes, like {@link JobEventHandler}. Pods that do not belong
 * to a training job (no controller owner reference or no replica-type label) are
 * ignored silently: the informer watches every pod.
 */
final class PodEventHandler implements ResourceEventHandler<Pod> {
    private static final Logger LOG = LoggerFactory.getLogger(PodEventHandler.class);

    private final PodConverter converter;
    private final WriteBehindStore store;
    private final Clock clock;
    private final AtomicLong refused;

    PodEventHandler(PodConverter converter, WriteBehindStore store, Clock clock, AtomicLong refused) {
        this.converter = converter;
        this.store = store;
        this.clock = clock;
        this.refused = refused;
    }

    @Override
    public void onAdd(Pod pod) {
        convert(pod, "added");
    }

    @Override
    public void onUpdate(Pod before, Pod after) {
        convert(after, "updated");
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        convert(pod, "deleted").ifPresent(record ->
                store.markRemoved(record.key(), RemovalTime.of(pod, clock)));
    }

    private Optional<PodRecord> convert(Pod pod, String event) {
        try {
            Optional<PodRecord> record = converter.convert(pod);
            record.ifPresent(store::submit);
            return record;
        } catch (InvalidRecordException e) {
            refused.incrementAndGet();
            LOG.warn("skipped {} pod {}/{}: {}", event, pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
