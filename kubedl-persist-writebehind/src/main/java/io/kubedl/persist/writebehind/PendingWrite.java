package io.kubedl.persist.writebehind;

import java.time.Instant;

/**
 * What waits to be written for one identity: the newest accepted version (or none)
 * and a removal to write after it (or none). While the entry waits, the store's lock
 * guards it and newer versions replace {@link #record}; once a writer took it, it is
 * never changed again and a later event for the same identity opens a new entry.
 *
 * @param <K> JobKey or PodKey
 * @param <R> JobRecord or PodRecord
 */
final class PendingWrite<K, R> {
    final K key;
    /** Position in the order of acceptance; flush waits for every entry up to its target. */
    final long sequence;
    /** System.nanoTime() when the identity started waiting; drives the maxDelay trigger. */
    final long acceptedNanos;
    R record;
    Instant removedAt;
    // set by the writer thread only
    /** The record sent to saveAll: {@link #record}, or it with the removal folded in (see RemovedRecords). */
    R written;
    boolean removalFolded;
    boolean saveSettled;
    boolean removalSettled;
    /** The store holds this version of the identity, or a newer one, after this write; null when unknown. */
    Object storedAtLeast;

    PendingWrite(K key, long sequence, long acceptedNanos) {
        this.key = key;
        this.sequence = sequence;
        this.acceptedNanos = acceptedNanos;
    }

    /** @return true when both parts were written, or given up and reported */
    boolean settled() {
        return (record == null || saveSettled) && (removedAt == null || removalSettled);
    }
}
