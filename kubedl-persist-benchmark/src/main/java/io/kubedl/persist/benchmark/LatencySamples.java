package io.kubedl.persist.benchmark;

import java.util.Arrays;

/** Latencies of one path's durable writes (a statement, a batch), in nanoseconds; thread-safe. */
final class LatencySamples {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** @param startNanos System.nanoTime() before the write */
    void since(long startNanos) {
        add(System.nanoTime() - startNanos);
    }

    synchronized int count() {
        return size;
    }

    /** @param percentile 0..100 @return that percentile in milliseconds (nearest rank), or NaN when empty */
    synchronized double millis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
