package io.kubedl.persist.benchmark;

/** One way of writing the event stream to the database, measured by {@link WriteBenchmark}. */
interface WritePath {

    /** @return the name printed in the table */
    String name();

    /**
     * Writes every event of the stream, in order, and returns once everything is durable.
     *
     * @param stream the events
     * @param db a fresh database with the provider's schema
     * @return what it did and how long it took
     * @throws Exception on a failure, which voids the run
     */
    PathResult run(EventStream stream, BenchDatabase db) throws Exception;
}
