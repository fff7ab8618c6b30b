package io.kubedl.persist.tck;

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
import java.util.function.Function;

/**
 * Saves versions 1..n of one identity from several threads at once, each thread its
 * own shuffled share, all released by one gate so that they really race (W6, I2).
 */
final class ConcurrentSaves {
    private ConcurrentSaves() {
    }

    /** What the racing saves answered. */
    record Result(String highest, Map<WriteOutcome, Integer> outcomes, long seed) {
        int inserted() {
            return outcomes.getOrDefault(WriteOutcome.INSERTED, 0);
        }

        @Override
        public String toString() {
            return "(outcomes " + outcomes + ", seed " + seed + ")";
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
        try {
            List<Future<List<WriteOutcome>>> futures = new ArrayList<>();
            for (List<String> share : shares) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    List<WriteOutcome> answered = new ArrayList<>(share.size());
                    for (String version : share) {
                        answered.add(save.apply(version));
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
            return new Result(Integer.toString(versions), outcomes, seed);
        } finally {
            pool.shutdownNow();
        }
    }
}
