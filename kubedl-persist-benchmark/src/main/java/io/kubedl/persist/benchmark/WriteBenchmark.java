package io.kubedl.persist.benchmark;

import io.kubedl.persist.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every write path on the same stream, each on a fresh database with the
 * provider's schema, after one untimed warm-up pass of every path on a small stream
 * (JIT, connection pool, server buffer pool), and checks each final table.
 */
final class WriteBenchmark {
    private static final Logger log = LoggerFactory.getLogger(WriteBenchmark.class);

    /** @param results one per path, in order @param mismatches what differed, one per void path */
    record Outcome(List<PathResult> results, List<String> mismatches) {
    }

    private final TestServer server;

    WriteBenchmark(TestServer server) {
        this.server = server;
    }

    Outcome run(EventStream stream, EventStream warmUp, List<WritePath> paths) throws Exception {
        for (WritePath path : paths) {
            try (BenchDatabase db = BenchDatabase.create(server, "warmup")) {
                path.run(warmUp, db);
            }
        }
        List<PathResult> results = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (WritePath path : paths) {
            log.info("running {} on {} events", path.name(), stream.events().size());
            try (BenchDatabase db = BenchDatabase.create(server, "write")) {
                PathResult result = path.run(stream, db);
                results.add(result);
                String mismatch = FinalTableCheck.mismatch(stream, db);
                if (mismatch != null) {
                    mismatches.add(path.name() + ": " + mismatch);
                }
                log.info("{}: {} s", path.name(), String.format("%.2f", result.seconds()));
            }
        }
        return new Outcome(results, mismatches);
    }
}
