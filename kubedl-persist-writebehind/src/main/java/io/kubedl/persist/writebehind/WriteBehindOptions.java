package io.kubedl.persist.writebehind;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Settings of a {@link WriteBehindStore}: validated once by {@link Builder#build()},
 * immutable afterwards. Every limit is named in the message of the exception that
 * refuses it.
 *
 * <p>Defaults: batches of at most 500 identities, written at the latest 50 ms after
 * the oldest one started waiting; at most 100,000 identities pending (waiting or
 * being written); a submitter blocks up to 10 s when that cap is reached; one writer
 * thread; transient failures retried without limit, from 100 ms doubling up to 10 s,
 * with jitter; close drains for up to 30 s; the written versions of up to 100,000
 * identities per kind remembered (a resync's repeated events are dropped); no metrics (name a Micrometer registry, or
 * ask for the global one, to get them); daemon writer threads named
 * {@code kubedl-write-behind-<name>-<n>} (or the threads of a given {@link ThreadFactory}).
 */
public final class WriteBehindOptions {
    /** The largest batch size accepted. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The longest maxDelay accepted. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** The most writer threads accepted. */
    public static final int MAX_WRITER_THREADS = 16;

    private final String name;
    private final int maxBatchSize;
    private final Duration maxDelay;
    private final int maxPendingIdentities;
    private final Duration submitTimeout;
    private final int writerThreads;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Duration closeTimeout;
    private final WriteBehindListener listener;
    private final Object meterRegistry;
    private final boolean globalMeterRegistry;
    private final ThreadFactory threadFactory;
    private final int rememberWritten;

    private WriteBehindOptions(Builder b) {
        name = b.name;
        maxBatchSize = b.maxBatchSize;
        maxDelay = b.maxDelay;
        maxPendingIdentities = b.maxPendingIdentities;
        submitTimeout = b.submitTimeout;
        writerThreads = b.writerThreads;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        maxAttempts = b.maxAttempts;
        closeTimeout = b.closeTimeout;
        listener = b.listener;
        meterRegistry = b.meterRegistry;
        globalMeterRegistry = b.globalMeterRegistry;
        threadFactory = b.threadFactory;
        rememberWritten = b.rememberWritten;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static WriteBehindOptions defaults() {
        return builder().build();
    }

    /** @return the name used in thread names, log lines and the metrics tag {@code name} */
    public String name() {
        return name;
    }

    /** @return the most identities written by one saveAll call */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** @return how long an identity may wait before a batch is written, even if not full */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the hard cap of identities waiting or being written; submitters block beyond it */
    public int maxPendingIdentities() {
        return maxPendingIdentities;
    }

    /** @return how long a submitter blocks at the cap before {@link WriteBehindFullException} */
    public Duration submitTimeout() {
        return submitTimeout;
    }

    /** @return the number of writer threads */
    public int writerThreads() {
        return writerThreads;
    }

    /** @return the delay before the first retry of a transient failure */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest delay between two retries */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the most attempts of one write (first try included); {@link Integer#MAX_VALUE} means no limit */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how long {@link WriteBehindStore#close()} drains before it gives up */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** @return who hears of writes that failed for good */
    public WriteBehindListener listener() {
        return listener;
    }

    /** @return the Micrometer MeterRegistry given, or null */
    Object meterRegistry() {
        return meterRegistry;
    }

    /** @return true when the metrics go to Micrometer's global registry (asked for, never by default) */
    public boolean globalMeterRegistry() {
        return globalMeterRegistry;
    }

    /**
     * @return per kind (jobs, pods), how many identities the store remembers the written
     *         version of, so that a resync's repeated events cost nothing; 0 remembers none
     */
    public int rememberWritten() {
        return rememberWritten;
    }

    /** @return the factory of the writer threads, if one was given */
    public Optional<ThreadFactory> threadFactory() {
        return Optional.ofNullable(threadFactory);
    }

    @Override
    public String toString() {
        return "WriteBehindOptions[name=" + name + ", maxBatchSize=" + maxBatchSize + ", maxDelay=" + maxDelay
                + ", maxPendingIdentities=" + maxPendingIdentities + ", submitTimeout=" + submitTimeout
                + ", writerThreads=" + writerThreads + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxAttempts=" + maxAttempts + ", closeTimeout=" + closeTimeout + ", rememberWritten="
                + rememberWritten + ", metrics="
                + (meterRegistry != null ? "given registry" : globalMeterRegistry ? "global registry" : "none")
                + (threadFactory != null ? ", threadFactory=" + threadFactory : "") + "]";
    }

    /** Mutable builder; {@link #build()} validates every value and names the one that is wrong. */
    public static final class Builder {
        private String name = "default";
        private int maxBatchSize = 500;
        private Duration maxDelay = Duration.ofMillis(50);
        private int maxPendingIdentities = 100_000;
        private Duration submitTimeout = Duration.ofSeconds(10);
        private int writerThreads = 1;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private int maxAttempts = Integer.MAX_VALUE;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private WriteBehindListener listener = WriteBehindListener.LOGGING;
        private Object meterRegistry;
        private boolean globalMeterRegistry;
        private ThreadFactory threadFactory;
        private int rememberWritten = 100_000;

        private Builder() {
        }

        /**
         * @param v name for threads, logs and the metrics tag
         * @return this
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * @param v most identities per saveAll, 1..10000
         * @return this
         */
        public Builder maxBatchSize(int v) { maxBatchSize = v; return this; }
        /**
         * @param v longest wait before a partial batch is written, zero to one hour
         * @return this
         */
        public Builder maxDelay(Duration v) { maxDelay = v; return this; }
        /**
         * @param v hard cap of pending identities, at least maxBatchSize
         * @return this
         */
        public Builder maxPendingIdentities(int v) { maxPendingIdentities = v; return this; }
        /**
         * @param v how long a submitter blocks at the cap, zero or more
         * @return this
         */
        public Builder submitTimeout(Duration v) { submitTimeout = v; return this; }
        /**
         * @param v writer threads, 1..16
         * @return this
         */
        public Builder writerThreads(int v) { writerThreads = v; return this; }
        /**
         * @param v first retry delay, positive
         * @return this
         */
        public Builder initialBackoff(Duration v) { initialBackoff = v; return this; }
        /**
         * @param v longest retry delay, at least initialBackoff
         * @return this
         */
        public Builder maxBackoff(Duration v) { maxBackoff = v; return this; }
        /**
         * @param v most attempts of one write, at least 1; {@link Integer#MAX_VALUE} for no limit
         * @return this
         */
        public Builder maxAttempts(int v) { maxAttempts = v; return this; }
        /**
         * @param v how long close drains, zero or more
         * @return this
         */
        public Builder closeTimeout(Duration v) { closeTimeout = v; return this; }
        /**
         * @param v who hears of writes that failed for good
         * @return this
         */
        public Builder listener(WriteBehindListener v) { listener = v; return this; }
        /**
         * @param v identities per kind whose written version is remembered (about 200 bytes each),
         *          so that events of a resync are dropped in memory; 0 or more, 0 remembers none
         * @return this
         */
        public Builder rememberWritten(int v) { rememberWritten = v; return this; }

        /**
         * Makes the writer threads with this factory instead of the default (daemon
         * threads named {@code kubedl-write-behind-<name>-<n>}), e.g. to name them after
         * the application or run them in its thread group. The factory decides whether
         * they are daemons: a non-daemon writer stuck in a database call keeps the JVM
         * alive after {@code close} gave up on it.
         *
         * @param factory makes one thread per writer; it must return a new, unstarted thread
         * @return this
         */
        public Builder threadFactory(ThreadFactory factory) {
            threadFactory = Objects.requireNonNull(factory, "threadFactory: must not be null");
            return this;
        }

        /**
         * Records metrics in Micrometer's global registry ({@code Metrics.globalRegistry}).
         * Never the default: without this or {@link #meterRegistry(Object)} the store
         * records no metrics.
         *
         * @return this
         * @throws IllegalArgumentException when Micrometer is not on the class path
         */
        public Builder globalMeterRegistry() {
            if (!WriteBehindMetrics.micrometerPresent()) {
                throw new IllegalArgumentException("globalMeterRegistry: Micrometer (" + WriteBehindMetrics.MICROMETER_REGISTRY
                        + ") is not on the class path");
            }
            globalMeterRegistry = true;
            return this;
        }

        /**
         * Records metrics in this registry (and not in Micrometer's global one). Typed as
         * {@code Object} so that this class loads without Micrometer on the classpath.
         *
         * @param registry an {@code io.micrometer.core.instrument.MeterRegistry}
         * @return this
         * @throws IllegalArgumentException when Micrometer is absent or the object is not a MeterRegistry
         */
        public Builder meterRegistry(Object registry) {
            if (registry != null && !WriteBehindMetrics.isMeterRegistry(registry)) {
                throw new IllegalArgumentException("meterRegistry: must be an io.micrometer.core.instrument."
                        + "MeterRegistry, was " + registry.getClass().getName());
            }
            meterRegistry = registry;
            return this;
        }

        /**
         * @return the validated, immutable options
         * @throws IllegalArgumentException naming the setting, its limit and the value given
         */
        public WriteBehindOptions build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name: must not be null or blank");
            }
            range("maxBatchSize", maxBatchSize, 1, MAX_BATCH_SIZE);
            range("maxPendingIdentities", maxPendingIdentities, maxBatchSize, Integer.MAX_VALUE);
            range("writerThreads", writerThreads, 1, MAX_WRITER_THREADS);
            range("maxAttempts", maxAttempts, 1, Integer.MAX_VALUE);
            range("rememberWritten", rememberWritten, 0, Integer.MAX_VALUE);
            notNegative("maxDelay", maxDelay);
            if (maxDelay.compareTo(MAX_DELAY) > 0) {
                throw new IllegalArgumentException("maxDelay: must be at most " + MAX_DELAY + ", was " + maxDelay);
            }
            notNegative("submitTimeout", submitTimeout);
            notNegative("closeTimeout", closeTimeout);
            notNegative("initialBackoff", initialBackoff);
            if (initialBackoff.isZero()) {
                throw new IllegalArgumentException("initialBackoff: must be positive, was " + initialBackoff);
            }
            notNegative("maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff: must be at least initialBackoff (" + initialBackoff
                        + "), was " + maxBackoff);
            }
            Objects.requireNonNull(listener, "listener: must not be null");
            if (meterRegistry != null && globalMeterRegistry) {
                throw new IllegalArgumentException("meterRegistry: give a registry or ask for the global one, not both");
            }
            return new WriteBehindOptions(this);
        }

        private static void range(String property, int value, int min, int max) {
            if (value < min || value > max) {
                String limit = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
                throw new IllegalArgumentException(property + ": must be " + limit + ", was " + value);
            }
        }

        private static void notNegative(String property, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(property + ": must be zero or more, was " + value);
            }
        }
    }
}
