package io.kubedl.persist.writebehind;

import io.kubedl.persist.PersistException;
import java.util.function.Supplier;

/**
 * Runs one call to the delegate store, retrying it while it fails transiently
 * ({@link PersistException#isTransient()}: connection loss, deadlock, lock wait
 * timeout). Retrying is safe because every write is guarded by the resourceVersion
 * (W3, W4) and markRemoved is idempotent (D1).
 */
final class WriteRetry {

    /** Waits between attempts; answers false when the store stopped waiting (close timed out). */
    interface Pause {
        boolean await(long nanos);
    }

    /** The call failed for good: a permanent failure, or maxAttempts transient ones. */
    static final class GaveUp extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RuntimeException failure;
        final int attempts;

        GaveUp(RuntimeException failure, int attempts) {
            super(null, null, false, false);
            this.failure = failure;
            this.attempts = attempts;
        }
    }

    /** The store gave up waiting (close timed out) before the call succeeded. */
    static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final ExponentialBackoff backoff;
    private final int maxAttempts;
    private final WriteBehindMetrics metrics;
    private final Pause pause;

    WriteRetry(ExponentialBackoff backoff, int maxAttempts, WriteBehindMetrics metrics, Pause pause) {
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.pause = pause;
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof PersistException pe && pe.isTransient();
    }

    <T> T call(Supplier<T> operation) throws GaveUp, Abandoned {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt >= maxAttempts) {
                    throw new GaveUp(e, attempt);
                }
                metrics.retried();
                if (!pause.await(backoff.delayNanos(attempt))) {
                    throw new Abandoned();
                }
            }
        }
    }
}
