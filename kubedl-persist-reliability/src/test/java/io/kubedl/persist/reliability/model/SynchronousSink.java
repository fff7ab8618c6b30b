package io.kubedl.persist.reliability.model;

import io.kubedl.persist.spi.MetaStore;

/** Writes each event with one synchronous call, as a controller without write-behind does. */
public final class SynchronousSink implements EventSink {
    private final MetaStore store;

    /** @param store the store to write to; not closed by this sink */
    public SynchronousSink(MetaStore store) {
        this.store = store;
    }

    @Override
    public void accept(WatchEvent event) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete
        if (event instanceof WatchEvent.JobSaved e) {
            store.jobs().save(e.job());
        } else if (event instanceof WatchEvent.PodSaved e) {
            store.pods().save(e.pod());
        } else if (event instanceof WatchEvent.JobRemoved e) {
            store.jobs().markRemoved(e.key(), e.at());
        } else if (event instanceof WatchEvent.PodRemoved e) {
            store.pods().markRemoved(e.key(), e.at());
        }
    }

    @Override
    public void flush() {
        // every accept already returned after its write
    }

    @Override
    public void close() {
        // the store belongs to the caller
    }
}
