package io.kubedl.persist.memory;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.StillInEtcdException;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.RecordValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows of one kind of record, keyed by identity (I1, I2), with the write rules
 * shared by jobs and pods (W1..W8, B1, D1, D2). Every change of a row is one atomic
 * compute on the map, so the version guard and the write cannot race (W6).
 *
 * @param <K> the identity type
 * @param <R> the record type
 */
abstract class MemoryTable<K, R> {
    /** A stored record and its insertion sequence, the listings' unique tie-breaker. */
    record Row<R>(R record, long seq) {
        Row<R> with(R changed) {
            return new Row<>(changed, seq);
        }
    }

    final ConcurrentHashMap<K, Row<R>> rows = new ConcurrentHashMap<>();
    final AtomicLong sequence = new AtomicLong();
    final RecordValidator validator;
    final Clock clock;

    MemoryTable(RecordValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    abstract K key(R record);

    abstract ResourceVersion version(R record);

    abstract boolean inEtcd(R record);

    abstract String describe(R record);

    /** V1..V3: the record as it may be written, or an InvalidRecordException. */
    abstract R checked(R record);

    /** V1..V3, B1: every item checked before any is written. */
    abstract List<R> checkedAll(List<R> records);

    /** W1: the row an unknown identity is inserted as. */
    abstract R inserted(R incoming);

    /** W2, W7: the row after a newer version of it was saved. */
    abstract R updated(R stored, R incoming, Instant now);

    /** D1: the row after it was marked removed from etcd. */
    abstract R removed(R stored, Instant at);

    WriteOutcome save(R incoming) {
        return write(checked(incoming));
    }

    List<WriteOutcome> saveAll(List<R> incoming) {
        List<R> checked = checkedAll(incoming);
        List<WriteOutcome> outcomes = new ArrayList<>(checked.size());
        for (R record : checked) {
            outcomes.add(write(record));
        }
        return outcomes;
    }

    WriteOutcome write(R record) {
        WriteOutcome[] outcome = new WriteOutcome[1];
        rows.compute(key(record), (key, stored) -> {
            if (stored == null) {
                outcome[0] = WriteOutcome.INSERTED;
                return new Row<>(inserted(record), sequence.incrementAndGet());
            }
            outcome[0] = outcomeOf(stored.record(), record);
            return outcome[0] == WriteOutcome.UPDATED ? stored.with(updated(stored.record(), record, now())) : stored;
        });
        return outcome[0];
    }

    /** W3, W4, W8: what saving {@code incoming} over {@code stored} does. */
    WriteOutcome outcomeOf(R stored, R incoming) {
        if (!inEtcd(stored)) {
            return WriteOutcome.STALE;
        }
        int order = compareVersions(version(incoming), version(stored));
        if (order > 0) {
            return WriteOutcome.UPDATED;
        }
        return order == 0 ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
    }

    /** W5: KEP-5504 order. */
    int compareVersions(ResourceVersion incoming, ResourceVersion stored) {
        return incoming.compareTo(stored);
    }

    Optional<R> get(K key) {
        Row<R> row = rows.get(key);
        return row == null ? Optional.empty() : Optional.of(row.record());
    }

    WriteOutcome markRemoved(K key, Instant at) {
        Instant when = removalTime(at);
        WriteOutcome[] outcome = {WriteOutcome.NOT_FOUND};
        rows.computeIfPresent(key, (k, stored) -> {
            if (!inEtcd(stored.record())) {
                outcome[0] = WriteOutcome.UNCHANGED;
                return stored;
            }
            outcome[0] = WriteOutcome.UPDATED;
            return stored.with(removed(stored.record(), when));
        });
        return outcome[0];
    }

    /** @return the deleted record, if a row was deleted */
    Optional<R> delete(K key) {
        List<R> deleted = new ArrayList<>(1);
        rows.computeIfPresent(key, (k, stored) -> {
            checkDeletable(stored.record());
            deleted.add(stored.record());
            return null;
        });
        return deleted.stream().findFirst();
    }

    /** D2: a row still in etcd is refused. */
    void checkDeletable(R stored) {
        if (inEtcd(stored)) {
            throw new StillInEtcdException(describe(stored));
        }
    }

    /** D3: marks removed, one atomic step per row, every row the filter selects. */
    int markRemovedWhere(Predicate<R> filter, Instant at) {
        Instant when = removalTime(at);
        int[] marked = {0};
        for (K key : rows.keySet()) {
            rows.computeIfPresent(key, (k, stored) -> {
                if (inEtcd(stored.record()) && filter.test(stored.record())) {
                    marked[0]++;
                    return stored.with(removed(stored.record(), when));
                }
                return stored;
            });
        }
        return marked[0];
    }

    /** D4: deletes every row the filter selects, re-checked atomically per row. */
    List<R> deleteWhere(Predicate<R> filter) {
        List<R> deleted = new ArrayList<>();
        for (K key : rows.keySet()) {
            rows.computeIfPresent(key, (k, stored) -> {
                if (filter.test(stored.record())) {
                    deleted.add(stored.record());
                    return null;
                }
                return stored;
            });
        }
        return deleted;
    }

    Stream<Row<R>> rows() {
        return rows.values().stream();
    }

    int size() {
        return rows.size();
    }

    void clear() {
        rows.clear();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return the instant truncated to seconds (T1); null is refused naming the parameter (V1) */
    static Instant requiredTime(String parameter, Instant at) {
        return RequiredArgument.of(parameter, at).truncatedTo(ChronoUnit.SECONDS);
    }

    /** D1, V2: a removal time is checked against the range the store holds, as a record's times are. */
    Instant removalTime(Instant at) {
        Instant when = requiredTime("removedAt", at);
        FieldLimits limits = FieldLimits.DEFAULT;
        if (when.isBefore(limits.earliest()) || when.isAfter(limits.latest())) {
            throw new InvalidRecordException("removedAt", when + " is outside the range this store holds, "
                    + limits.earliest() + " .. " + limits.latest());
        }
        return when;
    }
}
