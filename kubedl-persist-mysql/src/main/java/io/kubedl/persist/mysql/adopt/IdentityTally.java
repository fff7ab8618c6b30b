package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.mysql.schema.TableGeneration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the rows of a KubeDL table by identity (UID, region) and decides which row
 * each identity keeps: the newest resourceVersion (KEP-5504 order), then a row
 * already removed from etcd (removal is terminal, W8), then the higher id. Counts
 * every row that is not kept, and why. Holds a few fields per row, never their text.
 */
final class IdentityTally {
    private record Candidate(long id, ResourceVersion version, boolean inEtcd, boolean softDeleted) {
    }

    /** KEP-5504 order, then removed over live, then the later insert; newest first. */
    private static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparing(Candidate::version)
            .thenComparing(c -> !c.inEtcd())
            .thenComparingLong(Candidate::id)
            .reversed();

    private final Map<List<String>, List<Candidate>> groups = new LinkedHashMap<>();
    private final List<UnconvertibleRow> unconvertible = new ArrayList<>();
    private long seen;
    private long nullRegions;

    /**
     * @param id the row's id
     * @param row the mapped row, or null when it cannot be converted
     * @param problem why it cannot, or null
     * @param nullRegion true when the row's deploy_region is NULL
     */
    void add(long id, KubedlRow row, String problem, boolean nullRegion) {
        seen++;
        if (nullRegion) {
            nullRegions++;
        }
        if (row == null) {
            unconvertible.add(new UnconvertibleRow(id, problem));
            return;
        }
        groups.computeIfAbsent(List.of(row.uid(), row.region()), k -> new ArrayList<>(1))
                .add(new Candidate(id, row.version(), row.inEtcd(), row.softDeleted()));
    }

    /**
     * @param table our table name
     * @param generation the source's generation
     * @param source the table read
     * @param kept receives the ids of the rows to copy
     * @return the figures
     */
    TableReport report(String table, TableGeneration generation, String source, Set<Long> kept) {
        long dropped = 0;
        long softDeleted = 0;
        long keptInEtcd = 0;
        long keptRows = 0;
        List<DuplicateIdentity> duplicates = new ArrayList<>();
        for (Map.Entry<List<String>, List<Candidate>> group : groups.entrySet()) {
            List<Candidate> rows = group.getValue();
            if (rows.stream().anyMatch(Candidate::softDeleted)) {
                softDeleted += rows.size();
                continue;
            }
            rows.sort(NEWEST_FIRST);
            Candidate winner = rows.get(0);
            kept.add(winner.id());
            keptRows++;
            if (winner.inEtcd()) {
                keptInEtcd++;
            }
            if (rows.size() > 1) {
                dropped += rows.size() - 1;
                duplicates.add(new DuplicateIdentity(group.getKey().get(0), group.getKey().get(1), winner.id(),
                        winner.version().value(), rows.subList(1, rows.size()).stream().map(Candidate::id).sorted().toList()));
            }
        }
        return new TableReport(table, generation, source, seen, keptRows, dropped, List.copyOf(duplicates), softDeleted,
                List.copyOf(unconvertible), nullRegions, keptInEtcd, 0, 0);
    }
}
