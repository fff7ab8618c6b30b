package io.kubedl.persist.memory;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.PodKey;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.spi.PodPersist;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pods of an {@link InMemoryMetaStore}. Listings are ordered by replica type
 * (null as empty, first), replica index, gmtCreated, then insertion sequence (Q4);
 * page tokens hold all four (Q3).
 */
class InMemoryPods implements PodPersist {

    /** The sort key of a pod row; also the position a page token holds. */
    record Position(String replicaType, int replicaIndex, long created, long seq) implements Comparable<Position> {
        static Position of(MemoryTable.Row<PodRecord> row) {
            PodRecord pod = row.record();
            return new Position(pod.replicaType() == null ? "" : pod.replicaType(), pod.replicaIndex(),
                    pod.gmtCreated().getEpochSecond(), row.seq());
        }

        static Position parse(List<String> parts) {
            try {
                return new Position(parts.get(0), Integer.parseInt(parts.get(1)), Long.parseLong(parts.get(2)), Long.parseLong(parts.get(3)));
            } catch (NumberFormatException e) {
                throw new InvalidPageTokenException("is not a token of this listing (bad position)");
            }
        }

        List<String> parts() {
            return List.of(replicaType, Integer.toString(replicaIndex), Long.toString(created), Long.toString(seq));
        }

        @Override
        public int compareTo(Position o) {
            int c = replicaType.compareTo(o.replicaType);
            if (c == 0) {
                c = Integer.compare(replicaIndex, o.replicaIndex);
            }
            if (c == 0) {
                c = Long.compare(created, o.created);
            }
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    static final Comparator<MemoryTable.Row<PodRecord>> POD_ORDER = Comparator.comparing(Position::of);

    final StoreGate gate;
    final PodTable table;

    InMemoryPods(StoreGate gate, PodTable table) {
        this.gate = gate;
        this.table = table;
    }

    @Override
    public WriteOutcome save(PodRecord pod) {
        gate.checkOpen();
        return table.save(pod);
    }

    @Override
    public List<WriteOutcome> saveAll(List<PodRecord> pods) {
        gate.checkOpen();
        return table.saveAll(pods);
    }

    @Override
    public Optional<PodRecord> get(PodKey key) {
        gate.checkOpen();
        return table.get(RequiredArgument.of("key", key));
    }

    @Override
    public Optional<PodRecord> findLatest(String namespace, String name) {
        gate.checkOpen();
        RequiredArgument.of("namespace", namespace);
        RequiredArgument.of("name", name);
        return table.rows()
                .filter(row -> row.record().namespace().equals(namespace) && row.record().name().equals(name))
                .max(Comparator.comparing((MemoryTable.Row<PodRecord> row) -> row.record().gmtCreated()).thenComparingLong(MemoryTable.Row::seq))
                .map(MemoryTable.Row::record);
    }

    @Override
    public Page<PodRecord> list(PodQuery query) {
        gate.checkOpen();
        RequiredArgument.of("query", query);
        String fingerprint = query.filterFingerprint();
        List<MemoryTable.Row<PodRecord>> sorted = table.rows().filter(row -> matches(query, row.record())).sorted(order()).toList();
        int start = 0;
        if (query.pageToken().isPresent()) {
            Position after = Position.parse(PageCursor.decode(query.pageToken().get(), fingerprint, 4));
            while (start < sorted.size() && Position.of(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + query.pageSize());
        List<PodRecord> items = sorted.subList(start, end).stream().map(MemoryTable.Row::record).toList();
        String next = end < sorted.size() ? PageCursor.encode(fingerprint, Position.of(sorted.get(end - 1)).parts()) : null;
        return new Page<>(items, next);
    }

    @Override
    public long count(PodQuery query) {
        gate.checkOpen();
        RequiredArgument.of("query", query);
        return table.rows().filter(row -> matches(query, row.record())).count();
    }

    @Override
    public WriteOutcome markRemoved(PodKey key, Instant removedAt) {
        gate.checkOpen();
        return table.markRemoved(requiredKey(key), removedAt);
    }

    @Override
    public boolean delete(PodKey key) {
        gate.checkOpen();
        return table.delete(requiredKey(key)).isPresent();
    }

    @Override
    public int reconcile(String region, Set<String> livePodIds, Instant removedAt) {
        gate.checkOpen();
        if (livePodIds == null) {
            throw new InvalidRecordException("livePodIds", "must not be null; pass an empty set when no pod is live");
        }
        String watched = region == null ? "" : region;
        Set<String> live = Set.copyOf(livePodIds);
        return table.markRemovedWhere(pod -> pod.region().equals(watched) && !live.contains(pod.podId()), removedAt);
    }

    @Override
    public int purge(Instant finishedBefore) {
        gate.checkOpen();
        Instant before = MemoryTable.requiredTime("finishedBefore", finishedBefore);
        return table.deleteWhere(pod -> !pod.inEtcd() && pod.gmtFinished() != null && pod.gmtFinished().isBefore(before)).size();
    }

    /** Q4: the listing order. */
    Comparator<MemoryTable.Row<PodRecord>> order() {
        return POD_ORDER;
    }

    /** Q4: every filter ANDed. */
    boolean matches(PodQuery q, PodRecord pod) {
        return q.jobId().map(pod.jobId()::equals).orElse(true)
                && q.namespace().map(pod.namespace()::equals).orElse(true)
                && q.name().map(pod.name()::equals).orElse(true)
                && q.replicaType().map(t -> t.equals(pod.replicaType())).orElse(true)
                && (q.statuses().isEmpty() || q.statuses().contains(pod.status()))
                && q.region().map(pod.region()::equals).orElse(true)
                && q.inEtcd().map(e -> e == pod.inEtcd()).orElse(true);
    }

    static PodKey requiredKey(PodKey key) {
        return RequiredArgument.of("key", key);
    }

    @Override
    public String toString() {
        return "InMemoryPods[" + table.size() + " rows]";
    }
}
