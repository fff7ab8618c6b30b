package io.kubedl.persist.writebehind;

import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.writebehind.WriteFailure.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pending writes of one kind of record (jobs or pods) and how to write them to
 * the delegate. The bookkeeping methods run under the store's lock; {@link #write}
 * runs on a writer thread without it.
 *
 * <p>At most one entry per identity is being written at a time, so the versions of
 * an identity, and its removal, reach the delegate in the order they were accepted.
 *
 * @param <K> JobKey or PodKey
 * @param <R> JobRecord or PodRecord
 */
final class WriteLane<K, R> {

    /** What became of a submitted event. */
    enum Merge {
        /** It replaced an older version that was waiting. */
        COALESCED,
        /** It was not newer than what was accepted, or the identity is being removed (W4, W8). */
        STALE,
        /** It needs a new entry. */
        NEW
    }

    /** Told of each write given up. */
    interface FailureSink {
        void failed(Object key, Operation operation, WriteRetry.GaveUp gaveUp);
    }

    private final Function<R, K> keyOf;
    private final Function<R, ResourceVersion> versionOf;
    private final Function<List<R>, List<WriteOutcome>> saveAll;
    private final BiFunction<K, Instant, WriteOutcome> markRemoved;
    private final BiFunction<List<K>, Instant, List<WriteOutcome>> markRemovedAll;
    private final BiFunction<R, Instant, R> foldRemoval;
    // insertion order = order in which identities started waiting: the head is the oldest
    private final LinkedHashMap<K, PendingWrite<K, R>> waiting = new LinkedHashMap<>();
    private final Map<K, PendingWrite<K, R>> writing = new HashMap<>();
    private final WrittenVersions<K> written;

    WriteLane(Function<R, K> keyOf, Function<R, ResourceVersion> versionOf,
              Function<List<R>, List<WriteOutcome>> saveAll, BiFunction<K, Instant, WriteOutcome> markRemoved,
              BiFunction<List<K>, Instant, List<WriteOutcome>> markRemovedAll, BiFunction<R, Instant, R> foldRemoval,
              int rememberWritten) {
        this.keyOf = keyOf;
        this.versionOf = versionOf;
        this.saveAll = saveAll;
        this.markRemoved = markRemoved;
        this.markRemovedAll = markRemovedAll;
        this.foldRemoval = foldRemoval;
        this.written = new WrittenVersions<>(rememberWritten);
    }

    K keyOf(R record) {
        return keyOf.apply(record);
    }

    /** @return identities waiting or being written */
    int size() {
        return waiting.size() + writing.size();
    }

    int waitingCount() {
        return waiting.size();
    }

    /** @return nanoTime at which the oldest waiting identity started waiting, or Long.MAX_VALUE */
    long oldestAcceptedNanos() {
        for (PendingWrite<K, R> first : waiting.values()) {
            return first.acceptedNanos;
        }
        return Long.MAX_VALUE;
    }

    Merge mergeSave(R record) {
        K key = keyOf.apply(record);
        PendingWrite<K, R> queued = waiting.get(key);
        if (queued != null) {
            if (queued.removedAt != null || !isNewer(record, queued.record)) {
                return Merge.STALE;
            }
            queued.record = record;
            return Merge.COALESCED;
        }
        PendingWrite<K, R> inFlight = writing.get(key);
        if (inFlight != null) {
            return inFlight.removedAt != null || !isNewer(record, inFlight.record) ? Merge.STALE : Merge.NEW;
        }
        // a resync delivers every live object again with the version already written: nothing to do
        return written.coversVersion(key, versionOf.apply(record)) ? Merge.STALE : Merge.NEW;
    }

    /** @return true when the removal joined a waiting entry (or one already removing), or was written already */
    boolean mergeRemoval(K key, Instant removedAt) {
        PendingWrite<K, R> queued = waiting.get(key);
        if (queued != null) {
            if (queued.removedAt == null) {
                queued.removedAt = removedAt;
            }
            return true;
        }
        PendingWrite<K, R> inFlight = writing.get(key);
        if (inFlight != null) {
            // a second removal is a no-op (D1): the one being written already wins
            return inFlight.removedAt != null;
        }
        return written.isRemoved(key);
    }

    void addSave(R record, long sequence, long nowNanos) {
        PendingWrite<K, R> entry = new PendingWrite<>(keyOf.apply(record), sequence, nowNanos);
        entry.record = record;
        waiting.put(entry.key, entry);
    }

    void addRemoval(K key, Instant removedAt, long sequence, long nowNanos) {
        PendingWrite<K, R> entry = new PendingWrite<>(key, sequence, nowNanos);
        entry.removedAt = removedAt;
        waiting.put(key, entry);
    }

    /** Moves up to max waiting entries, oldest first, to being written; skips identities already being written. */
    List<PendingWrite<K, R>> take(int max) {
        List<PendingWrite<K, R>> batch = new ArrayList<>(Math.min(max, waiting.size()));
        Iterator<PendingWrite<K, R>> it = waiting.values().iterator();
        while (it.hasNext() && batch.size() < max) {
            PendingWrite<K, R> entry = it.next();
            if (writing.containsKey(entry.key)) {
                continue;
            }
            it.remove();
            writing.put(entry.key, entry);
            batch.add(entry);
        }
        return batch;
    }

    void finished(List<PendingWrite<K, R>> batch) {
        for (PendingWrite<K, R> entry : batch) {
            writing.remove(entry.key, entry);
            if (entry.storedAtLeast != null) {
                written.remember(entry.key, entry.storedAtLeast);
            }
        }
    }

    /** @return identities whose written version or removal is remembered */
    int rememberedCount() {
        return written.size();
    }

    /** Every identity waiting or being written, for the close report. */
    void collectKeys(List<K> into) {
        into.addAll(writing.keySet());
        into.addAll(waiting.keySet());
    }

    void clear() {
        waiting.clear();
        writing.clear();
        written.clear();
    }

    /**
     * Writes the saves of the batch through saveAll, then its removals; a removal that
     * follows a save of the same entry is folded into that save when the fold is exact
     * and the save changes the row, else written by markRemoved. A batch that
     * fails for good is split in halves until the bad items are isolated; each is
     * reported once and the rest is written.
     *
     * @return how many saves the delegate found STALE
     * @throws WriteRetry.Abandoned when the store stopped waiting; unsettled entries are unwritten
     */
    int write(List<PendingWrite<K, R>> batch, WriteRetry retry, FailureSink sink) throws WriteRetry.Abandoned {
        List<PendingWrite<K, R>> saves = new ArrayList<>(batch.size());
        for (PendingWrite<K, R> entry : batch) {
            if (entry.record != null) {
                R folded = entry.removedAt == null ? null : foldRemoval.apply(entry.record, entry.removedAt);
                entry.written = folded == null ? entry.record : folded;
                entry.removalFolded = folded != null;
                saves.add(entry);
            }
        }
        int stale = saveIsolating(saves, retry, sink);
        // removals that could not be folded: one markRemovedAll per removal time, not a round trip each
        Map<Instant, List<PendingWrite<K, R>>> removals = new LinkedHashMap<>();
        for (PendingWrite<K, R> entry : batch) {
            if (entry.removedAt != null && !entry.removalSettled) {
                removals.computeIfAbsent(entry.removedAt, at -> new ArrayList<>()).add(entry);
            }
        }
        for (Map.Entry<Instant, List<PendingWrite<K, R>>> group : removals.entrySet()) {
            removeAll(group.getValue(), group.getKey(), retry, sink);
        }
        return stale;
    }

    /**
     * Marks the entries removed with one markRemovedAll; when it fails for good and not
     * transiently, one markRemoved each, so that one bad key costs only its own removal.
     */
    private void removeAll(List<PendingWrite<K, R>> entries, Instant at, WriteRetry retry, FailureSink sink)
            throws WriteRetry.Abandoned {
        List<K> keys = new ArrayList<>(entries.size());
        for (PendingWrite<K, R> entry : entries) {
            keys.add(entry.key);
        }
        try {
            retry.call(() -> markRemovedAll.apply(keys, at));
            rememberRemoved(entries);
        } catch (WriteRetry.GaveUp gaveUp) {
            if (entries.size() == 1 || WriteRetry.isTransient(gaveUp.failure)) {
                for (PendingWrite<K, R> entry : entries) {
                    sink.failed(entry.key, Operation.MARK_REMOVED, gaveUp);
                }
            } else {
                for (PendingWrite<K, R> entry : entries) {
                    try {
                        retry.call(() -> markRemoved.apply(entry.key, at));
                        entry.storedAtLeast = WrittenVersions.REMOVED;
                    } catch (WriteRetry.GaveUp one) {
                        sink.failed(entry.key, Operation.MARK_REMOVED, one);
                    }
                }
            }
        }
        for (PendingWrite<K, R> entry : entries) {
            entry.removalSettled = true;
        }
    }

    /** Remembers the removals the store confirmed (a removal reported failed is not remembered). */
    private static <K, R> void rememberRemoved(List<PendingWrite<K, R>> entries) {
        for (PendingWrite<K, R> entry : entries) {
            entry.storedAtLeast = WrittenVersions.REMOVED;
        }
    }

    private int saveIsolating(List<PendingWrite<K, R>> items, WriteRetry retry, FailureSink sink)
            throws WriteRetry.Abandoned {
        if (items.isEmpty()) {
            return 0;
        }
        List<R> records = new ArrayList<>(items.size());
        for (PendingWrite<K, R> entry : items) {
            records.add(entry.written);
        }
        try {
            List<WriteOutcome> outcomes = retry.call(() -> saveAll.apply(records));
            int stale = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                WriteOutcome outcome = outcomes.get(i);
                if (outcome == WriteOutcome.STALE) {
                    stale++;
                }
                PendingWrite<K, R> entry = items.get(i);
                // the folded row was written as a whole: the removal is durable with it
                if (entry.removalFolded && outcome.changedRow()) {
                    entry.removalSettled = true;
                    entry.storedAtLeast = WrittenVersions.REMOVED;
                } else if (outcome.changedRow() || outcome == WriteOutcome.UNCHANGED) {
                    // the row holds this version now (versions only grow, so at least this one later)
                    entry.storedAtLeast = versionOf.apply(entry.record);
                }
            }
            settleSaves(items);
            return stale;
        } catch (WriteRetry.GaveUp gaveUp) {
            // splitting helps only when one item is bad; a transient failure that outlived its attempts is not
            if (items.size() == 1 || WriteRetry.isTransient(gaveUp.failure)) {
                for (PendingWrite<K, R> entry : items) {
                    sink.failed(entry.key, Operation.SAVE, gaveUp);
                }
                settleSaves(items);
                return 0;
            }
            int middle = items.size() / 2;
            return saveIsolating(items.subList(0, middle), retry, sink)
                    + saveIsolating(items.subList(middle, items.size()), retry, sink);
        }
    }

    private static <K, R> void settleSaves(List<PendingWrite<K, R>> items) {
        for (PendingWrite<K, R> entry : items) {
            entry.saveSettled = true;
        }
    }

    private boolean isNewer(R candidate, R accepted) {
        return accepted == null || versionOf.apply(candidate).isNewerThan(versionOf.apply(accepted));
    }
}
