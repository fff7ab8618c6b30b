package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubedl.persist.kubernetes.PodConverter;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns pod events into pod writes, as {@link ConvertingEventHandler} describes. Pods
 * that do not belong to a training job (no controller owner reference or no
 * replica-type label) are ignored silently: the informer watches every pod.
 */
final class PodEventHandler extends ConvertingEventHandler<Pod, PodRecord> {
    private final PodConverter converter;

    PodEventHandler(PodConverter converter, WriteBehindStore store, Clock clock, AtomicLong refused) {
        super(store, clock, refused);
        this.converter = converter;
    }

    @Override
    Optional<PodRecord> toRecord(Pod pod) {
        return converter.convert(pod);
    }

    @Override
    void submit(PodRecord record) {
        store.submit(record);
    }

    @Override
    void markRemoved(PodRecord record, Instant removedAt) {
        store.markRemoved(record.key(), removedAt);
    }

    @Override
    String describe(Pod pod) {
        return "pod";
    }
}
