package io.kubedl.persist.benchmark;

import io.kubedl.persist.testkit.TestServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every write path on the same stream, each on a fresh database with the
 * provider's schema, after one untimed warm-up pass of every path on a small stream
 * (JIT, connection pool, server buffer pool), in several rounds, and checks each final
 * table. Each path is reported by its median round.
 */
final class WriteBenchmark {
    private static final Logger log = LoggerFactory.getLogger(WriteBenchmark.class);

    /**
     * @param results per path, in order, the round with the median time
     * @param rounds per path, every round
     * @param mismatches what differed, one per void path and round
     */
    record Outcome(List<PathResult> results, List<List<PathResult>> rounds, List<String> mismatches) {
    }

    private final TestServer server;

    WriteBenchmark(TestServer server) {
        this.server = server;
    }

    Outcome run(EventStream stream, EventStream warmUp, List<WritePath> paths, int rounds) throws Exception {
        for (WritePath path : paths) {
            try (BenchDatabase db = BenchDatabase.create(server, "warmup")) {
                path.run(warmUp, db);
            }
        }
        List<List<PathResult>> byPath = new ArrayList<>();
        paths.forEach(p -> byPath.add(new ArrayList<>()));
        List<String> mismatches = new ArrayList<>();
        try (ServerCounters counters = new ServerCounters(server)) {
            runRounds(stream, paths, rounds, counters, byPath, mismatches);
        }
        List<PathResult> medians = new ArrayList<>();
        for (List<PathResult> results : byPath) {
            List<PathResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingLong(PathResult::nanos));
            medians.add(sorted.get(sorted.size() / 2));
        }
        return new Outcome(medians, byPath, mismatches);
    }

    private void runRounds(EventStream stream, List<WritePath> paths, int rounds, ServerCounters counters,
                           List<List<PathResult>> byPath, List<String> mismatches) throws Exception {
        // rounds run the paths in turn, so that a burst of load on the shared machine hits all paths alike
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < paths.size(); i++) {
                WritePath path = paths.get(i);
                try (BenchDatabase db = BenchDatabase.create(server, "write")) {
                    Map<String, Long> before = counters.snapshot();
                    PathResult result = path.run(stream, db);
                    result = result.withCounters(ServerCounters.delta(before, counters.snapshot()));
                    byPath.get(i).add(result);
                    String mismatch = FinalTableCheck.mismatch(stream, db);
                    if (mismatch != null) {
                        mismatches.add(path.name() + " (round " + round + "): " + mismatch);
                    }
                    log.info("round {}: {}: {} s", round, path.name(), String.format("%.2f", result.seconds()));
                }
            }
        }
    }
}
