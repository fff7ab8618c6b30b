package io.kubedl.persist.spi;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The job half of a store. Implementations MUST be thread-safe and MUST follow the
 * rules of the contract (docs/contract.md) cited on each method; the TCK checks them.
 */
public interface JobPersist {

    /**
     * Saves one observed state of a job in one round trip (W1..W8): inserts an
     * unknown identity, replaces a row with an older version, and leaves the row
     * alone for the same version, an older one, or a removed row.
     *
     * @param job the job; null is refused (V1)
     * @return INSERTED, UPDATED, UNCHANGED or STALE
     * @throws io.kubedl.persist.InvalidRecordException when a value does not fit (V1, V2, V3); nothing is written
     */
    WriteOutcome save(JobRecord job);

    /**
     * Saves many jobs as if one by one (B1): within the batch too, the highest version
     * of an identity wins. All items are validated before anything is written.
     *
     * @param jobs the jobs; no element may be null
     * @return one outcome per item, in input order
     * @throws io.kubedl.persist.InvalidRecordException naming the index and field of the first bad item; nothing is written
     */
    List<WriteOutcome> saveAll(List<JobRecord> jobs);

    /**
     * @param key the identity
     * @return the row, if any (Q1)
     */
    Optional<JobRecord> get(JobKey key);

    /**
     * Q1: the newest-created row of that name and kind in that namespace (a job
     * deleted and re-created under one name has several rows).
     *
     * @param namespace namespace
     * @param name name
     * @param kind kind, e.g. TFJob
     * @return the newest row, if any
     */
    Optional<JobRecord> findLatest(String namespace, String name, String kind);

    /**
     * Q2, Q3: one page of jobs matching the query, newest first.
     *
     * @param query filters, page size and page token
     * @return the page
     * @throws io.kubedl.persist.InvalidPageTokenException when the token is malformed or was issued for another filter
     */
    Page<JobRecord> list(JobQuery query);

    /**
     * Q3: how many jobs match the query's filters (page size and token are ignored).
     * Optional: see {@link Capability#COUNT}.
     *
     * @param query the filters
     * @return the number of matching rows
     */
    default long count(JobQuery query) {
        throw Capability.COUNT.unsupported();
    }

    /**
     * D1: marks the job as removed from etcd; an unfinished job becomes Stopped with
     * gmtFinished = removedAt. Idempotent.
     *
     * @param key the identity
     * @param removedAt when the removal was observed
     * @return UPDATED when marked now, UNCHANGED when already removed, NOT_FOUND when unknown
     */
    WriteOutcome markRemoved(JobKey key, Instant removedAt);

    /**
     * D1 for many jobs: MUST answer and leave exactly what {@link #markRemoved} called
     * for each key in input order would (a key listed twice: UPDATED, then UNCHANGED).
     * The default does just that, one call per key; a provider SHOULD override it with a
     * bounded number of statements per call.
     *
     * @param keys the identities; none may be null
     * @param removedAt when the removals were observed
     * @return one outcome per key, in input order; empty for an empty list
     */
    default List<WriteOutcome> markRemovedAll(List<JobKey> keys, Instant removedAt) {
        if (keys == null) {
            throw new InvalidRecordException("keys", "must not be null");
        }
        List<WriteOutcome> outcomes = new ArrayList<>(keys.size());
        for (JobKey key : keys) {
            outcomes.add(markRemoved(key, removedAt));
        }
        return outcomes;
    }

    /**
     * D2: deletes the row for good, with the job's pods.
     *
     * @param key the identity
     * @return true when a row was deleted, false when none had this identity
     * @throws io.kubedl.persist.StillInEtcdException when the row is still in etcd
     */
    boolean delete(JobKey key);

    /**
     * D3: marks removed (as {@link #markRemoved}) every job of that region and of one
     * of those kinds that is still marked in etcd but whose UID is not live.
     * Optional: see {@link Capability#RECONCILE}.
     *
     * @param region the deploy region the caller watches
     * @param kinds the kinds the caller watches; never empty
     * @param liveJobIds UIDs of the jobs the api-server has now
     * @param removedAt when the removal was observed
     * @return how many rows were marked removed
     */
    default int reconcile(String region, Set<String> kinds, Set<String> liveJobIds, Instant removedAt) {
        throw Capability.RECONCILE.unsupported();
    }

    /**
     * D4: hard-deletes removed jobs (and their pods) that finished before the
     * instant, in bounded batches. Rows still in etcd are never purged.
     * Optional: see {@link Capability#PURGE}.
     *
     * @param finishedBefore exclusive bound of gmtFinished
     * @return how many job rows were deleted
     */
    default int purge(Instant finishedBefore) {
        throw Capability.PURGE.unsupported();
    }
}
