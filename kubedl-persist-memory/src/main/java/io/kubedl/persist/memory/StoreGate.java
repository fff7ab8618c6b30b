package io.kubedl.persist.memory;

import java.util.concurrent.atomic.AtomicBoolean;

/** The closed flag every method checks first (rule P4). */
class StoreGate {
    private final AtomicBoolean closed = new AtomicBoolean();

    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("in-memory store is closed");
        }
    }

    /** @return true when this call closed the gate, false when it was closed already */
    boolean close() {
        return closed.compareAndSet(false, true);
    }
}
