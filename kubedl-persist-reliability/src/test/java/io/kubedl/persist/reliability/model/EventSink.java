package io.kubedl.persist.reliability.model;

/**
 * Where a test sends its watch events: straight into a store, or through the
 * write-behind decorator. {@link #flush()} MUST return only once every event accepted
 * before it is durable.
 */
public interface EventSink extends AutoCloseable {

    /** @param event the event to persist */
    void accept(WatchEvent event);

    /** Blocks until everything accepted so far is written. */
    void flush();

    @Override
    void close();
}
