package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.PodKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The close state machine of a write-behind store: OPEN (accepting), CLOSING (draining
 * until a deadline, accepting nothing), CLOSED (writers stop); and what close reports.
 * Every method but {@link #isOpen()} and {@link #isClosed()} is called under the
 * store's lock.
 */
final class Lifecycle {
    private enum Phase { OPEN, CLOSING, CLOSED }

    private final String name;
    private volatile Phase phase = Phase.OPEN;
    private long closeDeadlineNanos;
    private CloseReport closeReport;
    private final List<JobKey> abandonedJobs = new ArrayList<>();
    private final List<PodKey> abandonedPods = new ArrayList<>();

    Lifecycle(String name) {
        this.name = name;
    }

    boolean isOpen() {
        return phase == Phase.OPEN;
    }

    boolean isClosing() {
        return phase == Phase.CLOSING;
    }

    boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    /** @throws IllegalStateException unless new events are accepted */
    void ensureAccepting() {
        if (phase != Phase.OPEN) {
            throw new IllegalStateException("write-behind '" + name + "' is "
                    + (phase == Phase.CLOSING ? "closing" : "closed") + "; no new events are accepted");
        }
    }

    /** @throws IllegalStateException once closed (reads and flush still work while closing) */
    void ensureOpen() {
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("write-behind '" + name + "' is closed");
        }
    }

    /** @return true when this call moved OPEN to CLOSING, with a drain deadline */
    boolean beginClosing(long deadlineNanos) {
        if (phase != Phase.OPEN) {
            return false;
        }
        phase = Phase.CLOSING;
        closeDeadlineNanos = deadlineNanos;
        return true;
    }

    long closeDeadlineNanos() {
        return closeDeadlineNanos;
    }

    /** @return true when writers should stop waiting to retry: closed, or draining past the deadline */
    boolean stopWaiting(long nowNanos) {
        return phase == Phase.CLOSED || (phase == Phase.CLOSING && nowNanos - closeDeadlineNanos >= 0);
    }

    void markClosed() {
        phase = Phase.CLOSED;
    }

    /** Remembers an identity whose write the store gave up on when it stopped waiting. */
    void abandon(Object key) {
        if (key instanceof JobKey job) {
            abandonedJobs.add(job);
        } else {
            abandonedPods.add((PodKey) key);
        }
    }

    /** @return the report of the first close, or null before it is complete */
    CloseReport report() {
        return closeReport;
    }

    /** Makes the close report: the abandoned identities and those still pending. */
    CloseReport finishReport(Pending pending) {
        List<JobKey> unwrittenJobs = new ArrayList<>(abandonedJobs);
        List<PodKey> unwrittenPods = new ArrayList<>(abandonedPods);
        pending.jobs.collectKeys(unwrittenJobs);
        pending.pods.collectKeys(unwrittenPods);
        pending.jobs.clear();
        pending.pods.clear();
        closeReport = new CloseReport(unwrittenJobs, unwrittenPods);
        return closeReport;
    }

    @Override
    public String toString() {
        return phase.name();
    }
}
