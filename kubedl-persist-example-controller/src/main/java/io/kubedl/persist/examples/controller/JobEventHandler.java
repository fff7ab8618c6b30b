package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubedl.persist.kubernetes.JobConverter;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the informer's events of one job kind into job writes, as
 * {@link ConvertingEventHandler} describes. Every job of a watched kind is kept.
 */
final class JobEventHandler extends ConvertingEventHandler<GenericKubernetesResource, JobRecord> {
    private final JobConverter converter;

    JobEventHandler(JobConverter converter, WriteBehindStore store, Clock clock, AtomicLong refused) {
        super(store, clock, refused);
        this.converter = converter;
    }

    @Override
    Optional<JobRecord> toRecord(GenericKubernetesResource job) {
        return Optional.of(converter.convert(job));
    }

    @Override
    void submit(JobRecord record) {
        store.submit(record);
    }

    @Override
    void markRemoved(JobRecord record, Instant removedAt) {
        store.markRemoved(record.key(), removedAt);
    }

    @Override
    String describe(GenericKubernetesResource job) {
        return job.getKind();
    }
}
