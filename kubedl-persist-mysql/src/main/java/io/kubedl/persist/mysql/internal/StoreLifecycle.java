package io.kubedl.persist.mysql.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/** The open/closed state shared by a store and its job and pod halves (rule P4). */
final class StoreLifecycle {
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    StoreLifecycle(String name) {
        this.name = name;
    }

    /** @throws IllegalStateException once the store is closed */
    void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    /** @return true for the first call only */
    boolean close() {
        return closed.compareAndSet(false, true);
    }
}
