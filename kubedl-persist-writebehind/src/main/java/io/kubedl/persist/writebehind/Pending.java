package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a write-behind store holds in memory, the two lanes of pending writes, and the
 * one lock that guards them and every other part of the store's state (lifecycle, flush
 * barrier): one lock, so that accepting, scheduling, flushing and closing see each other
 * consistently. The conditions say who waits for what.
 */
final class Pending {
    final ReentrantLock lock = new ReentrantLock();
    /** Writers wait here for work. */
    final Condition workReady = lock.newCondition();
    /** Submitters blocked at the cap wait here. */
    final Condition roomFreed = lock.newCondition();
    /** flush and close wait here for batches to finish. */
    final Condition progress = lock.newCondition();
    /** Writers pausing before a retry wait here, so that close can cut the pause short. */
    final Condition stateChanged = lock.newCondition();
    final WriteLane<JobKey, JobRecord> jobs;
    final WriteLane<PodKey, PodRecord> pods;

    Pending(WriteLane<JobKey, JobRecord> jobs, WriteLane<PodKey, PodRecord> pods) {
        this.jobs = jobs;
        this.pods = pods;
    }

    /** @return identities waiting or being written, jobs and pods together; call under the lock */
    int size() {
        return jobs.size() + pods.size();
    }

    /** Wakes every waiter: the state changed in a way any of them may care about; call under the lock. */
    void signalEverything() {
        workReady.signalAll();
        roomFreed.signalAll();
        progress.signalAll();
        stateChanged.signalAll();
    }
}
