package io.kubedl.persist.writebehind;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Micrometer meters of one write-behind store, all named
 * {@code kubedl.persist.writebehind.*} and tagged {@code name}. Loaded only when
 * Micrometer is on the classpath (see {@link WriteBehindMetrics#create}).
 */
final class MicrometerWriteBehindMetrics implements WriteBehindMetrics {
    static final String PREFIX = "kubedl.persist.writebehind.";

    private final MeterRegistry registry;
    // the gauge holds its state weakly: this field keeps the supplier alive as long as the store
    private final IntSupplier pending;
    private final Gauge pendingGauge;
    private final DistributionSummary batchSize;
    private final Timer flush;
    private final Counter retries;
    private final Counter stale;
    private final Counter coalesced;
    private final Counter failures;

    private MicrometerWriteBehindMetrics(MeterRegistry registry, String name, IntSupplier pending) {
        this.registry = registry;
        this.pending = pending;
        pendingGauge = Gauge.builder(PREFIX + "pending", pending, IntSupplier::getAsInt).tag("name", name)
                .description("identities waiting or being written").register(registry);
        batchSize = DistributionSummary.builder(PREFIX + "batch.size").tag("name", name)
                .description("identities per saveAll batch").register(registry);
        flush = Timer.builder(PREFIX + "flush").tag("name", name)
                .description("time to make one batch durable, retries included").register(registry);
        retries = Counter.builder(PREFIX + "retries").tag("name", name)
                .description("retries after transient failures").register(registry);
        stale = Counter.builder(PREFIX + "stale").tag("name", name)
                .description("events dropped as older than what was accepted, or found STALE by the store")
                .register(registry);
        coalesced = Counter.builder(PREFIX + "coalesced").tag("name", name)
                .description("waiting versions replaced by a newer one").register(registry);
        failures = Counter.builder(PREFIX + "failures").tag("name", name)
                .description("writes given up and reported to the listener").register(registry);
    }

    /** @param registry a MeterRegistry, or null for Micrometer's global one (asked for explicitly) */
    static WriteBehindMetrics create(Object registry, String name, IntSupplier pending) {
        MeterRegistry target = registry == null ? Metrics.globalRegistry : (MeterRegistry) registry;
        return new MicrometerWriteBehindMetrics(target, name, pending);
    }

    @Override
    public void batchWritten(int size, long nanos) {
        batchSize.record(size);
        flush.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void stale(int count) {
        if (count > 0) {
            stale.increment(count);
        }
    }

    @Override
    public void coalesced() {
        coalesced.increment();
    }

    @Override
    public void failed() {
        failures.increment();
    }

    @Override
    public void close() {
        for (Meter meter : List.<Meter>of(pendingGauge, batchSize, flush, retries, stale, coalesced, failures)) {
            registry.remove(meter);
        }
    }

    @Override
    public String toString() {
        return "MicrometerWriteBehindMetrics[pending=" + pending.getAsInt() + "]";
    }
}
