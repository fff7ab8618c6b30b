package io.kubedl.persist.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Compares what a path left in the tables with the rows the contract expects
 * ({@link ContractModel}), on the columns every path writes the same way: identity,
 * name, namespace, kind or job, version, status, in-etcd, created, running/started,
 * finished (and the pod IPs). gmt_modified is not compared: the baselines only
 * approximate W7 for it.
 */
final class FinalTableCheck {
    private FinalTableCheck() {
    }

    /** @return null when both tables match, else what differs */
    static String mismatch(EventStream stream, BenchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            String jobs = compare(c, RowMapping.JOBS, stream.finalJobs().values());
            return jobs != null ? jobs : compare(c, RowMapping.PODS, stream.finalPods().values());
        }
    }

    private static <R> String compare(Connection c, RowMapping<R> mapping, Collection<R> expectedRows)
            throws SQLException {
        List<String> expected = new ArrayList<>(expectedRows.size());
        for (R row : expectedRows) {
            expected.add(mapping.projectionOf(row));
        }
        List<String> actual = new ArrayList<>(expectedRows.size());
        try (PreparedStatement select = c.prepareStatement(mapping.projectionQuery());
             ResultSet rs = select.executeQuery()) {
            int columns = mapping.projection().size();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(RowMapping.text(rs.getString(i))).append('|');
                }
                actual.add(row.toString());
            }
        }
        Collections.sort(expected);
        Collections.sort(actual);
        if (expected.equals(actual)) {
            return null;
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        return mapping.table() + ": " + actual.size() + " rows, expected " + expected.size() + "; first expected row"
                + " not found: " + (missing.isEmpty() ? "-" : missing.get(0)) + "; first row not expected: "
                + (unexpected.isEmpty() ? "-" : unexpected.get(0));
    }
}
