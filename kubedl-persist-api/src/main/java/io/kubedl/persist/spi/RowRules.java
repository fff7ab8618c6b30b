package io.kubedl.persist.spi;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.model.WriteOutcome;
import java.time.Instant;

/**
 * The contract's write rules (W1..W8, D1) as pure functions, for stores that apply
 * them in memory: the in-memory provider, and SQL providers that lock a batch's rows
 * and compute per-item outcomes (B1). A store whose database applies the rules in one
 * statement still SHOULD compute the same result; the TCK checks that it does.
 */
public final class RowRules {

    private RowRules() {
    }

    /**
     * The result of applying one save to the stored row.
     *
     * @param <R> JobRecord or PodRecord
     * @param outcome what the save did
     * @param row the row as it is after the save (the stored row when nothing changed)
     */
    public record Applied<R>(WriteOutcome outcome, R row) {
    }

    /**
     * Applies a save of a job to the stored row (W1..W8).
     *
     * @param stored the stored row, or null when none has this identity
     * @param in the saved record
     * @param now the store's current time, used as gmtModified when the status changes and the record has none
     * @return the outcome and the resulting row
     */
    public static Applied<JobRecord> save(JobRecord stored, JobRecord in, Instant now) {
        if (stored == null) {
            return new Applied<>(WriteOutcome.INSERTED, inserted(in));
        }
        WriteOutcome refused = refusal(stored.inEtcd(), in.version().compareTo(stored.version()));
        return refused != null ? new Applied<>(refused, stored) : new Applied<>(WriteOutcome.UPDATED, merged(stored, in, now));
    }

    /**
     * W1: the row an unknown identity is inserted as (gmtModified defaults to gmtCreated).
     *
     * @param in the saved record
     * @return the row to insert
     */
    public static JobRecord inserted(JobRecord in) {
        return in.gmtModified() != null ? in : in.toBuilder().gmtModified(in.gmtCreated()).build();
    }

    /**
     * W2, W7: the row after a NEWER version was saved over a row in etcd. It does not
     * check the version guard; {@link #save(JobRecord, JobRecord, Instant)} does.
     *
     * @param stored the stored row
     * @param in the newer record
     * @param now the store's current time
     * @return the merged row
     */
    public static JobRecord merged(JobRecord stored, JobRecord in, Instant now) {
        return stored.toBuilder()
                .version(in.version()).status(in.status()).resources(in.resources()).tenant(in.tenant())
                .owner(in.owner()).remark(in.remark()).inEtcd(in.inEtcd())
                .gmtModified(modified(stored.status().equals(in.status()), stored.gmtModified(), in.gmtModified(), now))
                // W7: gmtRunning is when the job first ran, so a restart's later time never replaces it
                .gmtRunning(firstNonNull(stored.gmtRunning(), in.gmtRunning()))
                .gmtFinished(firstNonNull(in.gmtFinished(), stored.gmtFinished()))
                .build();
    }

    /**
     * Applies a save of a pod to the stored row (W1..W8).
     *
     * @param stored the stored row, or null when none has this identity
     * @param in the saved record
     * @param now the store's current time
     * @return the outcome and the resulting row
     */
    public static Applied<PodRecord> save(PodRecord stored, PodRecord in, Instant now) {
        if (stored == null) {
            return new Applied<>(WriteOutcome.INSERTED, inserted(in));
        }
        WriteOutcome refused = refusal(stored.inEtcd(), in.version().compareTo(stored.version()));
        return refused != null ? new Applied<>(refused, stored) : new Applied<>(WriteOutcome.UPDATED, merged(stored, in, now));
    }

    /**
     * W1 for pods; see {@link #inserted(JobRecord)}.
     *
     * @param in the saved record
     * @return the row to insert
     */
    public static PodRecord inserted(PodRecord in) {
        return in.gmtModified() != null ? in : in.toBuilder().gmtModified(in.gmtCreated()).build();
    }

    /**
     * W2, W7 for pods; see {@link #merged(JobRecord, JobRecord, Instant)}.
     *
     * @param stored the stored row
     * @param in the newer record
     * @param now the store's current time
     * @return the merged row
     */
    public static PodRecord merged(PodRecord stored, PodRecord in, Instant now) {
        return stored.toBuilder()
                .version(in.version()).status(in.status()).image(in.image()).replicaType(in.replicaType())
                .resources(in.resources()).hostIp(in.hostIp()).podIp(in.podIp()).remark(in.remark())
                .inEtcd(in.inEtcd())
                .gmtModified(modified(stored.status().equals(in.status()), stored.gmtModified(), in.gmtModified(), now))
                .gmtStarted(firstNonNull(in.gmtStarted(), stored.gmtStarted()))
                .gmtFinished(firstNonNull(in.gmtFinished(), stored.gmtFinished()))
                .build();
    }

    /**
     * D1: the row after its removal from etcd was observed. Call it only for a row still
     * in etcd (a removed row is UNCHANGED).
     *
     * @param stored the stored row
     * @param at when the removal was observed
     * @return the removed row: Stopped with gmtFinished = at unless it had finished
     */
    public static JobRecord removed(JobRecord stored, Instant at) {
        JobRecord.Builder removed = stored.toBuilder().inEtcd(false);
        if (stored.status().isFinished()) {
            return removed.gmtFinished(firstNonNull(stored.gmtFinished(), at)).build();
        }
        return removed.status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
    }

    /**
     * D1 for pods; see {@link #removed(JobRecord, Instant)}.
     *
     * @param stored the stored row
     * @param at when the removal was observed
     * @return the removed row
     */
    public static PodRecord removed(PodRecord stored, Instant at) {
        PodRecord.Builder removed = stored.toBuilder().inEtcd(false);
        if (stored.status().isFinished()) {
            return removed.gmtFinished(firstNonNull(stored.gmtFinished(), at)).build();
        }
        return removed.status(PodStatus.STOPPED).gmtFinished(at).gmtModified(at).build();
    }

    /** W8 before W3/W4: a removed row never changes again, whatever the version. */
    private static WriteOutcome refusal(boolean storedInEtcd, int versionOrder) {
        if (!storedInEtcd) {
            return WriteOutcome.STALE;
        }
        if (versionOrder <= 0) {
            return versionOrder == 0 ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
        }
        return null;
    }

    /** W7: gmtModified is the time of the last status transition. */
    private static Instant modified(boolean sameStatus, Instant stored, Instant in, Instant now) {
        return sameStatus ? stored : firstNonNull(in, now);
    }

    private static Instant firstNonNull(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
