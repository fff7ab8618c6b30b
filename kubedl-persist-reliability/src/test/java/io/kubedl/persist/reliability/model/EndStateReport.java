package io.kubedl.persist.reliability.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a store's rows differ from the oracle's final state. Every count but the
 * expected and actual row counts MUST be zero.
 *
 * @param expectedRows identities the oracle holds (jobs + pods)
 * @param actualRows rows the store listed (jobs + pods)
 * @param lost identities without a row
 * @param regressed rows at a lower resourceVersion than expected
 * @param duplicated identities listed more than once
 * @param unexpected rows of identities the stream never mentioned
 * @param mismatched rows at the expected version whose fields differ (including inEtcd)
 * @param examples up to ten differences, for the failure message
 */
public record EndStateReport(int expectedRows, int actualRows, int lost, int regressed, int duplicated,
        int unexpected, int mismatched, List<String> examples) {

    /** Copies the examples. */
    public EndStateReport {
        examples = List.copyOf(examples);
    }

    /**
     * @param oracle the expected rows
     * @param snapshot the store's rows
     * @return the differences
     */
    public static EndStateReport compare(FinalStateOracle oracle, StoreSnapshot snapshot) {
        Tally tally = new Tally();
        tally.compare(oracle.jobs(), snapshot.jobs(), r -> r.key(), r -> r.version());
        tally.compare(oracle.pods(), snapshot.pods(), r -> r.key(), r -> r.version());
        return new EndStateReport(oracle.jobs().size() + oracle.pods().size(),
                snapshot.jobs().size() + snapshot.pods().size(), tally.lost, tally.regressed, tally.duplicated,
                tally.unexpected, tally.mismatched, tally.examples);
    }

    /** @return true when the store holds exactly the expected rows */
    public boolean exact() {
        return lost == 0 && regressed == 0 && duplicated == 0 && unexpected == 0 && mismatched == 0
                && expectedRows == actualRows;
    }

    @Override
    public String toString() {
        return "expected rows " + expectedRows + ", actual rows " + actualRows + ": lost " + lost + ", regressed "
                + regressed + ", duplicated " + duplicated + ", unexpected " + unexpected + ", mismatched " + mismatched
                + (examples.isEmpty() ? "" : "; e.g. " + String.join(" | ", examples));
    }

    /** Counts differences of one record type. */
    private static final class Tally {
        private int lost;
        private int regressed;
        private int duplicated;
        private int unexpected;
        private int mismatched;
        private final List<String> examples = new ArrayList<>();

        <K, R> void compare(Map<K, R> expected, List<R> actual, java.util.function.Function<R, K> key,
                java.util.function.Function<R, io.kubedl.persist.model.ResourceVersion> version) {
            Map<K, R> seen = new HashMap<>();
            for (R row : actual) {
                K k = key.apply(row);
                if (seen.put(k, row) != null) {
                    duplicated++;
                    example("duplicated " + k);
                }
            }
            for (Map.Entry<K, R> e : expected.entrySet()) {
                R row = seen.get(e.getKey());
                if (row == null) {
                    lost++;
                    example("lost " + e.getKey());
                } else if (version.apply(row).isOlderThan(version.apply(e.getValue()))) {
                    regressed++;
                    example("regressed " + e.getKey() + " at " + version.apply(row) + ", expected "
                            + version.apply(e.getValue()));
                } else if (!Objects.equals(row, e.getValue())) {
                    mismatched++;
                    example("mismatched " + row + ", expected " + e.getValue());
                }
            }
            for (K k : seen.keySet()) {
                if (!expected.containsKey(k)) {
                    unexpected++;
                    example("unexpected " + k);
                }
            }
        }

        private void example(String text) {
            if (examples.size() < 10) {
                examples.add(text);
            }
        }
    }
}
