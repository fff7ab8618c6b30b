package io.kubedl.persist.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.model.WriteOutcome;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failing concurrency test must not leave writer threads running into the next test. */
class ConcurrentSavesTest {

    @Test
    void whenOneWriterFailsTheOthersHaveEndedBeforeTheRunReports() throws Exception {
        AtomicInteger writing = new AtomicInteger();
        CountDownLatch othersStarted = new CountDownLatch(7);
        Throwable failure = catchThrowable(() -> ConcurrentSaves.run(8, 8, 1L, version -> {
            if (version.equals("8")) {
                try {
                    othersStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the store failed");
            }
            writing.incrementAndGet();
            othersStarted.countDown();
            try {
                // a writer still busy when the failure is reported: only an interrupt ends it,
                // and it needs a moment to finish its round trip (a window, not an assertion on time)
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                finishRoundTrip();
            } finally {
                writing.decrementAndGet();
            }
            return WriteOutcome.UPDATED;
        }));
        assertThat(failure).as("the failing writer's exception is reported").hasRootCauseMessage("the store failed");
        assertThat(writing.get()).as("no writer may still be writing once run() has reported the failure").isZero();
    }

    @Test
    void stoppingWaitsForEveryWriter() throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        AtomicInteger ended = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        var futures = java.util.List.of(pool.submit(() -> sleepUntilInterrupted(started, ended)),
                pool.submit(() -> sleepUntilInterrupted(started, ended)));
        // both writers must be running: a task cancelled before it starts never runs its finally
        assertThat(started.await(30, TimeUnit.SECONDS)).as("both writers started").isTrue();
        WriterThreads.stop(pool, futures, ContractRule.W6);
        assertThat(pool.isTerminated()).isTrue();
        assertThat(ended.get()).isEqualTo(2);
    }

    private static void finishRoundTrip() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntilInterrupted(CountDownLatch started, AtomicInteger ended) {
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.incrementAndGet();
        }
    }
}
