package io.kubedl.persist.benchmark;

/**
 * What one write path did with the stream.
 *
 * @param name the path
 * @param events events of the stream handled
 * @param rowsSent rows sent to the server (upserts, inserts, updates; a removal counts one)
 * @param nanos wall time from the first event until everything was durable
 * @param latency latencies of its durable writes (statement or batch)
 * @param peakHeapMiB peak heap during the path
 * @param note anything particular to this path (e.g. peak pending identities)
 * @param counters the server's counters over the path (see {@link ServerCounters}); empty until measured
 */
record PathResult(String name, long events, long rowsSent, long nanos, LatencySamples latency, double peakHeapMiB,
                  String note, java.util.Map<String, Long> counters) {

    PathResult(String name, long events, long rowsSent, long nanos, LatencySamples latency, double peakHeapMiB,
               String note) {
        this(name, events, rowsSent, nanos, latency, peakHeapMiB, note, java.util.Map.of());
    }

    /** @return this result with the server's counters over the path */
    PathResult withCounters(java.util.Map<String, Long> measured) {
        return new PathResult(name, events, rowsSent, nanos, latency, peakHeapMiB, note, measured);
    }

    /** @return a counter of the path, 0 when not measured */
    long counter(String counterName) {
        return counters.getOrDefault(counterName, 0L);
    }

    double seconds() {
        return nanos / 1e9;
    }

    double eventsPerSecond() {
        return events / seconds();
    }

    double rowsPerSecond() {
        return rowsSent / seconds();
    }
}
