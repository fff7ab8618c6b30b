package io.kubedl.persist.writebehind;

import io.kubedl.persist.PersistException;
import java.util.TreeSet;

/**
 * Which accepted events are not yet settled, by their sequence number, so that a flush
 * waits for exactly the events accepted before it (and not for those accepted while it
 * waits). While a flush waits, writers write at once instead of waiting for maxDelay.
 * Guarded by the store's lock.
 */
final class FlushBarrier {
    private final String name;
    private final Pending pending;
    private final Lifecycle lifecycle;
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private long lastSequence;
    private int flushesWaiting;

    FlushBarrier(String name, Pending pending, Lifecycle lifecycle) {
        this.name = name;
        this.pending = pending;
        this.lifecycle = lifecycle;
    }

    /** @return the sequence number of a newly accepted event, now outstanding */
    long accept() {
        long sequence = ++lastSequence;
        outstanding.add(sequence);
        return sequence;
    }

    /** The event of this sequence is written or reported. */
    void settled(long sequence) {
        outstanding.remove(sequence);
    }

    boolean nothingOutstanding() {
        return outstanding.isEmpty();
    }

    /** @return true while a flush waits: writers write everything at once */
    boolean flushWaiting() {
        return flushesWaiting > 0;
    }

    void clear() {
        outstanding.clear();
    }

    /**
     * Waits until every event accepted before the call is settled.
     *
     * @param timeoutNanos how long; Long.MAX_VALUE waits without limit
     * @return false on timeout
     */
    boolean await(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        pending.lock.lock();
        try {
            lifecycle.ensureOpen();
            long target = lastSequence;
            flushesWaiting++;
            pending.workReady.signalAll();
            try {
                while (true) {
                    boolean done = outstanding.isEmpty() || outstanding.first() > target;
                    // close clears what it gave up on: done then means nothing, unless the report is complete
                    CloseReport report = lifecycle.report();
                    if (lifecycle.isClosed() && !(done && report != null && report.complete())) {
                        throw new IllegalStateException("write-behind '" + name
                                + "' was closed before the flush completed; see its close report");
                    }
                    if (done) {
                        return true;
                    }
                    if (timeoutNanos == Long.MAX_VALUE) {
                        pending.progress.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        pending.progress.awaitNanos(left);
                    }
                }
            } finally {
                flushesWaiting--;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistException("interrupted while flushing write-behind '" + name + "'", e);
        } finally {
            pending.lock.unlock();
        }
    }
}
