package io.kubedl.persist.writebehind;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": the n-th retry waits a random
 * time between half and all of {@code min(max, initial * 2^(n-1))}. The jitter keeps
 * several controller replicas (or writer threads) that failed together from
 * retrying in lockstep; the lower half keeps the delay growing.
 */
final class ExponentialBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private final Supplier<RandomGenerator> random;

    /** @param random the source of jitter, asked on the thread that retries (ThreadLocalRandom::current) */
    ExponentialBackoff(long initialNanos, long maxNanos, Supplier<RandomGenerator> random) {
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /**
     * @param retry 1 for the first retry
     * @return the cap of that retry's delay, in nanoseconds
     */
    long ceilingNanos(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = initialNanos;
        for (int i = 0; i < doublings && ceiling < maxNanos; i++) {
            ceiling = ceiling > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : ceiling * 2;
        }
        return Math.min(ceiling, maxNanos);
    }

    /**
     * @param retry 1 for the first retry
     * @return the delay before it, in nanoseconds
     */
    long delayNanos(int retry) {
        long ceiling = ceilingNanos(retry);
        long half = ceiling / 2;
        return half + random.get().nextLong(ceiling - half + 1);
    }
}
