package io.kubedl.persist.tck;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.WriteOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Saves versions 1..n of one identity from several threads at once, each thread its
 * own shuffled share, all released by one gate so that they really race (W6, I2).
 * A save that fails with a transient {@link PersistException} (a deadlock under this
 * contention) is retried, as a controller would: every write is version-guarded, so a
 * retry is safe. Retries are counted in the result.
 */
final class ConcurrentSaves {
    private static final int MAX_ATTEMPTS = 20;

    private ConcurrentSaves() {
    }

    /** What the racing saves answered. */
    record Result(String highest, Map<WriteOutcome, Integer> outcomes, int retries, long seed) {
        int inserted() {
            return outcomes.getOrDefault(WriteOutcome.INSERTED, 0);
        }

        @Override
        public String toString() {
            return "(outcomes " + outcomes + ", transient failures retried " + retries + ", seed " + seed + ")";
        }
    }

    static Result run(int threads, int versions, long seed, Function<String, WriteOutcome> save) throws Exception {
        Random random = new Random(seed);
        List<List<String>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int v = 1; v <= versions; v++) {
            shares.get(v % threads).add(Integer.toString(v));
        }
        for (List<String> share : shares) {
            Collections.shuffle(share, random);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger retries = new AtomicInteger();
        List<Future<List<WriteOutcome>>> futures = new ArrayList<>();
        try {
            for (List<String> share : shares) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    List<WriteOutcome> answered = new ArrayList<>(share.size());
                    for (String version : share) {
                        answered.add(saveRetryingTransient(save, version, retries));
                    }
                    return answered;
                }));
            }
            gate.countDown();
            Map<WriteOutcome, Integer> outcomes = new EnumMap<>(WriteOutcome.class);
            for (Future<List<WriteOutcome>> future : futures) {
                // a deadline against a hung store, not a performance expectation
                for (WriteOutcome outcome : future.get(120, TimeUnit.SECONDS)) {
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }
            return new Result(Integer.toString(versions), outcomes, retries.get(), seed);
        } finally {
            WriterThreads.stop(pool, futures, ContractRule.W6);
        }
    }

    private static WriteOutcome saveRetryingTransient(Function<String, WriteOutcome> save, String version, AtomicInteger retries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return save.apply(version);
            } catch (PersistException e) {
                if (!e.isTransient() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }
}
