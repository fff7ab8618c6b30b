package io.kubedl.persist.writebehind;

import java.util.function.IntSupplier;

/**
 * Where a {@link WriteBehindStore} records what it does. A null object stands in
 * when Micrometer is absent, so the hot path never tests for null; the Micrometer
 * implementation is loaded only when the Micrometer classes are present.
 */
interface WriteBehindMetrics {
    String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    /**
     * @param size identities in a batch
     * @param nanos how long its write took, retries included
     */
    void batchWritten(int size, long nanos);

    /** A transient failure is about to be retried. */
    void retried();

    /** @param count events dropped because a newer version was already accepted, or that the store found STALE */
    void stale(int count);

    /** An accepted version replaced an older one still waiting. */
    void coalesced();

    /** A write was given up and reported to the listener. */
    void failed();

    /** Removes the meters of this store from the registry; called once, by close. */
    void close();

    /**
     * @param options where the metrics go: a given registry, the global one when asked for, else nowhere
     * @param pending the number of identities waiting or being written
     * @return the Micrometer tracker, or the null object when no registry was asked for
     */
    static WriteBehindMetrics create(WriteBehindOptions options, IntSupplier pending) {
        if (options.meterRegistry() == null && !options.globalMeterRegistry()) {
            return NoopWriteBehindMetrics.INSTANCE;
        }
        return MicrometerWriteBehindMetrics.create(options.meterRegistry(), options.name(), pending);
    }

    /**
     * @param candidate an object
     * @return true when Micrometer is present and the object is a MeterRegistry
     */
    static boolean isMeterRegistry(Object candidate) {
        try {
            return Class.forName(MICROMETER_REGISTRY, false, WriteBehindMetrics.class.getClassLoader())
                    .isInstance(candidate);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** @return true when the Micrometer classes can be loaded */
    static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER_REGISTRY, false, WriteBehindMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
