package io.kubedl.persist.writebehind;

/** The null-object tracker used when Micrometer is not on the classpath. */
enum NoopWriteBehindMetrics implements WriteBehindMetrics {
    INSTANCE;

    @Override
    public void batchWritten(int size, long nanos) {
    }

    @Override
    public void retried() {
    }

    @Override
    public void stale(int count) {
    }

    @Override
    public void coalesced() {
    }

    @Override
    public void failed() {
    }

    @Override
    public void close() {
    }
}
