package io.kubedl.persist.spi;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pod half of a store. Implementations MUST be thread-safe and MUST follow the
 * same write rules as {@link JobPersist} (W1..W8, B1, D1..D4, V1..V3).
 */
public interface PodPersist {

    /**
     * @param pod the pod; null is refused (V1)
     * @return INSERTED, UPDATED, UNCHANGED or STALE (W1..W8)
     */
    WriteOutcome save(PodRecord pod);

    /**
     * @param pods the pods; no element may be null
     * @return one outcome per item, in input order (B1); nothing is written when one item is invalid
     */
    List<WriteOutcome> saveAll(List<PodRecord> pods);

    /**
     * @param key the identity
     * @return the row, if any (Q1)
     */
    Optional<PodRecord> get(PodKey key);

    /**
     * @param namespace namespace
     * @param name name
     * @return the newest-created pod of that name (Q1)
     */
    Optional<PodRecord> findLatest(String namespace, String name);

    /**
     * Q3, Q4: one page of pods ordered by replica type, replica index, gmtCreated.
     *
     * @param query filters, page size and page token
     * @return the page
     */
    Page<PodRecord> list(PodQuery query);

    /**
     * @param query the filters
     * @return how many pods match; optional, see {@link Capability#COUNT}
     */
    default long count(PodQuery query) {
        throw Capability.COUNT.unsupported();
    }

    /**
     * D1: marks the pod removed from etcd; an unfinished pod becomes Stopped with
     * gmtFinished = removedAt; terminal pods keep their status. Idempotent.
     *
     * @param key the identity
     * @param removedAt when the removal was observed
     * @return UPDATED, UNCHANGED or NOT_FOUND
     */
    WriteOutcome markRemoved(PodKey key, Instant removedAt);

    /**
     * D1 for many pods: MUST answer and leave exactly what {@link #markRemoved} called
     * for each key in input order would (a key listed twice: UPDATED, then UNCHANGED).
     * The default does just that, one call per key; a provider SHOULD override it with a
     * bounded number of statements per call.
     *
     * @param keys the identities; none may be null
     * @param removedAt when the removals were observed
     * @return one outcome per key, in input order; empty for an empty list
     */
    default List<WriteOutcome> markRemovedAll(List<PodKey> keys, Instant removedAt) {
        if (keys == null) {
            throw new InvalidRecordException("keys", "must not be null");
        }
        List<WriteOutcome> outcomes = new ArrayList<>(keys.size());
        for (PodKey key : keys) {
            outcomes.add(markRemoved(key, removedAt));
        }
        return outcomes;
    }

    /**
     * D2: deletes the row for good.
     *
     * @param key the identity
     * @return true when a row was deleted
     * @throws io.kubedl.persist.StillInEtcdException when the row is still in etcd
     */
    boolean delete(PodKey key);

    /**
     * D3: marks removed every pod of that region still in etcd whose UID is not live.
     * Optional: see {@link Capability#RECONCILE}.
     *
     * @param region the deploy region the caller watches
     * @param livePodIds UIDs of the pods the api-server has now
     * @param removedAt when the removal was observed
     * @return how many rows were marked removed
     */
    default int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
        throw Capability.RECONCILE.unsupported();
    }

    /**
     * D4: hard-deletes removed pods finished before the instant, in bounded batches.
     * Optional: see {@link Capability#PURGE}.
     *
     * @param finishedBefore exclusive bound of gmtFinished
     * @return how many pod rows were deleted
     */
    default int purge(Instant finishedBefore) {
        throw Capability.PURGE.unsupported();
    }
}
