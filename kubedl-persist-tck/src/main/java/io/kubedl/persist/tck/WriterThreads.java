package io.kubedl.persist.tck;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Ends the writer threads of a concurrency test before the test reports: when one
 * writer fails, the others are cancelled and awaited, so that none of them is still
 * writing while the next test cleans the store and starts.
 */
final class WriterThreads {
    /** A deadline against a store that hangs, not a performance expectation. */
    private static final long AWAIT_SECONDS = 120;

    private WriterThreads() {
    }

    /**
     * Cancels what is still running and waits until every thread of the pool ended.
     *
     * @param pool the writers' pool
     * @param futures the writers
     * @param rule the rule the test checks, for the message when a writer does not end
     */
    static void stop(ExecutorService pool, List<? extends Future<?>> futures, ContractRule rule) {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(AWAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(rule.says("writer threads still run " + AWAIT_SECONDS
                        + " s after the test ended: a store call does not return when its thread is interrupted"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
