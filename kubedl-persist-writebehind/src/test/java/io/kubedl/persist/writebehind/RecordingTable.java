package io.kubedl.persist.writebehind;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.model.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The heart of the test double of the SPI: one table of rows keyed by identity that
 * follows the write rules the write-behind store relies on (W1..W4, W8, B1, D1), logs
 * every call in order, and can be told to fail, to refuse a record, or to hold
 * writers at a gate. Thread-safe.
 */
final class RecordingTable<K, R> {
    private final String name;
    private final Function<R, K> keyOf;
    private final Function<R, ResourceVersion> versionOf;
    private final Predicate<R> inEtcd;
    private final BiFunction<R, Instant, R> removed;
    private final Map<K, R> rows = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final Set<String> refusedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Supplier<RuntimeException> failure;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private final Map<K, Integer> writesPerKey = new HashMap<>();

    RecordingTable(String name, Function<R, K> keyOf, Function<R, ResourceVersion> versionOf, Predicate<R> inEtcd,
                   BiFunction<R, Instant, R> removed) {
        this.name = name;
        this.keyOf = keyOf;
        this.versionOf = versionOf;
        this.inEtcd = inEtcd;
        this.removed = removed;
    }

    // ------------------------------------------------------------ test controls

    /** The next {@code count} write calls throw what the supplier makes, before touching any row. */
    void failNextWrites(int count, Supplier<RuntimeException> failureMaker) {
        failure = failureMaker;
        failuresLeft.set(count);
    }

    /** Any save or saveAll that holds a record with this id is refused as bad data, writing nothing (B1). */
    void refuse(String id) {
        refusedIds.add(id);
    }

    /** Writes block at the gate until {@link #openGate()}. */
    void closeGate() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    void openGate() {
        CountDownLatch current = gate;
        gate = null;
        if (current != null) {
            current.countDown();
        }
    }

    /** Waits until a write call reached the gate. */
    void awaitWriterAtGate(Duration deadline) throws InterruptedException {
        if (!entered.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + ": no write reached the gate within " + deadline);
        }
    }

    /** Waits, on this table's monitor, until the rows satisfy the condition. */
    synchronized void awaitRows(String what, Predicate<Map<K, R>> condition, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.test(rows)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": timed out waiting for " + what + "; rows " + rows.keySet());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    synchronized Map<K, R> rows() {
        return Map.copyOf(rows);
    }

    synchronized int writesOf(K key) {
        return writesPerKey.getOrDefault(key, 0);
    }

    // ------------------------------------------------------------ SPI behaviour

    WriteOutcome save(R record) {
        return saveAll(List.of(record)).get(0);
    }

    List<WriteOutcome> saveAll(List<R> records) {
        beforeWrite();
        synchronized (this) {
            calls.add("saveAll" + records.stream().map(keyOf).toList());
            batchSizes.add(records.size());
            for (int i = 0; i < records.size(); i++) {
                if (refusedIds.contains(idOf(records.get(i)))) {
                    throw new InvalidRecordException("[" + i + "].remark", "refused by the test double");
                }
            }
            List<WriteOutcome> outcomes = new ArrayList<>(records.size());
            for (R record : records) {
                outcomes.add(saveOne(record));
            }
            notifyAll();
            return outcomes;
        }
    }

    WriteOutcome markRemoved(K key, Instant at) {
        beforeWrite();
        synchronized (this) {
            calls.add("markRemoved" + List.of(key));
            R row = rows.get(key);
            if (row == null) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!inEtcd.test(row)) {
                return WriteOutcome.UNCHANGED;
            }
            rows.put(key, removed.apply(row, at));
            notifyAll();
            return WriteOutcome.UPDATED;
        }
    }

    synchronized Optional<R> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    synchronized List<R> all() {
        return List.copyOf(rows.values());
    }

    private WriteOutcome saveOne(R record) {
        K key = keyOf.apply(record);
        writesPerKey.merge(key, 1, Integer::sum);
        R row = rows.get(key);
        if (row == null) {
            rows.put(key, record);
            return WriteOutcome.INSERTED;
        }
        if (!inEtcd.test(row)) {
            return WriteOutcome.STALE;
        }
        int order = versionOf.apply(record).compareTo(versionOf.apply(row));
        if (order < 0) {
            return WriteOutcome.STALE;
        }
        if (order == 0) {
            return WriteOutcome.UNCHANGED;
        }
        rows.put(key, record);
        return WriteOutcome.UPDATED;
    }

    private String idOf(R record) {
        K key = keyOf.apply(record);
        return key.toString();
    }

    private void beforeWrite() {
        CountDownLatch current = gate;
        if (current != null) {
            entered.countDown();
            try {
                if (!current.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + ": the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw failure.get();
        }
    }
}
