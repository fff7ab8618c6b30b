package io.kubedl.persist.spi;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.ValueTooLongException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The checks every store makes before it writes (rules V1, V2, V3), so that all
 * providers refuse the same input with the same messages. A provider calls
 * {@link #check(JobRecord)} or {@link #checkAll(List, String)} first, then writes.
 */
public final class RecordValidator {
    private final FieldLimits limits;

    /** @param limits the store's limits */
    public RecordValidator(FieldLimits limits) {
        this.limits = limits;
    }

    /**
     * @param job the job to write
     * @return the job
     * @throws InvalidRecordException naming the field (and the limit) that is wrong
     */
    public JobRecord check(JobRecord job) {
        if (job == null) {
            throw new InvalidRecordException("job", "must not be null");
        }
        identifier("region", job.region());
        identifier("jobId", job.jobId());
        identifier("name", job.name());
        identifier("namespace", job.namespace());
        identifier("kind", job.kind());
        text("version", job.version().value());
        status(job.status().value());
        text("resources", job.resources());
        text("tenant", job.tenant());
        text("owner", job.owner());
        text("remark", job.remark());
        time("gmtCreated", job.gmtCreated());
        time("gmtModified", job.gmtModified());
        time("gmtRunning", job.gmtRunning());
        time("gmtFinished", job.gmtFinished());
        return job;
    }

    /**
     * @param pod the pod to write
     * @return the pod
     * @throws InvalidRecordException naming the field (and the limit) that is wrong
     */
    public PodRecord check(PodRecord pod) {
        if (pod == null) {
            throw new InvalidRecordException("pod", "must not be null");
        }
        identifier("region", pod.region());
        identifier("podId", pod.podId());
        identifier("name", pod.name());
        identifier("namespace", pod.namespace());
        text("version", pod.version().value());
        status(pod.status().value());
        text("image", pod.image());
        identifier("jobId", pod.jobId());
        text("replicaType", pod.replicaType());
        text("resources", pod.resources());
        text("hostIp", pod.hostIp());
        text("podIp", pod.podIp());
        text("remark", pod.remark());
        time("gmtCreated", pod.gmtCreated());
        time("gmtModified", pod.gmtModified());
        time("gmtStarted", pod.gmtStarted());
        time("gmtFinished", pod.gmtFinished());
        return pod;
    }

    /**
     * Checks every item before any is written (B1, V1: nothing of a bad batch is written).
     *
     * @param items jobs or pods
     * @param what "jobs" or "pods", for the message
     * @param <T> JobRecord or PodRecord
     * @return the items
     * @throws InvalidRecordException whose field is {@code what[index].field}
     */
    public <T> List<T> checkAll(List<T> items, String what) {
        if (items == null) {
            throw new InvalidRecordException(what, "must not be null");
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            try {
                if (item instanceof JobRecord job) {
                    check(job);
                } else if (item instanceof PodRecord pod) {
                    check(pod);
                } else {
                    throw new InvalidRecordException("item", item == null ? "must not be null" : "is a " + item.getClass().getName());
                }
            } catch (ValueTooLongException e) {
                throw new ValueTooLongException(what + "[" + i + "]." + e.field(), e.limit(), e.length());
            } catch (InvalidRecordException e) {
                String problem = e.getMessage().substring(e.field().length() + 2);
                throw new InvalidRecordException(what + "[" + i + "]" + (item == null ? "" : "." + e.field()), problem);
            }
        }
        return items;
    }

    /**
     * V1 for the arguments of the SPI's methods: a null key, query, name or set is refused
     * the same way in every provider, naming the parameter, instead of one provider
     * answering empty and another throwing NullPointerException.
     *
     * @param parameter the parameter's name as the SPI spells it, e.g. {@code key}, {@code query}
     * @param value the argument
     * @param <T> its type
     * @return the argument
     * @throws InvalidRecordException naming the parameter when the argument is null
     */
    public <T> T argument(String parameter, T value) {
        if (value == null) {
            throw new InvalidRecordException(parameter, "must not be null");
        }
        return value;
    }

    /**
     * V1, V2 for an instant a method writes into rows (markRemoved's, markRemovedAll's
     * and reconcile's {@code removedAt}): not null and inside the store's range, as a
     * record's times are. Without this check a removal time the store cannot hold was
     * stored (and the row could not be saved again) or refused by the server naming no
     * field.
     *
     * @param parameter the parameter's name, e.g. {@code removedAt}
     * @param value the instant
     * @return the instant truncated to seconds (the records' precision)
     * @throws InvalidRecordException naming the parameter when it is null or out of range
     */
    public Instant instant(String parameter, Instant value) {
        Instant seconds = argument(parameter, value).truncatedTo(ChronoUnit.SECONDS);
        time(parameter, seconds);
        return seconds;
    }

    /**
     * A status is a Kubernetes word: surrounding whitespace is refused (a blank status
     * cannot even be made). SQL stores with PAD SPACE collations would otherwise treat
     * "Failed " as finished and "Running " as the same status as "Running", and the
     * in-memory store would not: one rule for every provider.
     */
    private void status(String value) {
        text("status", value);
        if (value.isBlank() || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new InvalidRecordException("status", "must not be blank or start or end with whitespace, was '"
                    + value + "'");
        }
    }

    /**
     * Identities and Kubernetes names never carry surrounding whitespace. Refusing it keeps
     * "abc" and "abc " from being one identity in SQL stores whose collations ignore
     * trailing spaces (PAD SPACE), which would let one object overwrite another (I1, I2).
     */
    private void identifier(String field, String value) {
        text(field, value);
        if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            throw new InvalidRecordException(field, "must not start or end with whitespace, was '" + value + "'");
        }
    }

    private void text(String field, String value) {
        if (value == null) {
            return;
        }
        int limit = limits.of(field);
        if (value.length() > limit) {
            throw new ValueTooLongException(field, limit, value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate has no UTF-8 encoding: the driver would write '?' and V3 would break silently
                throw new InvalidRecordException(field, "holds an unpaired UTF-16 surrogate at index " + i + "; it is not valid Unicode text");
            }
        }
    }

    private void time(String field, Instant value) {
        if (value != null && (value.isBefore(limits.earliest()) || value.isAfter(limits.latest()))) {
            throw new InvalidRecordException(field, value + " is outside the range this store holds, "
                    + limits.earliest() + " .. " + limits.latest());
        }
    }
}
