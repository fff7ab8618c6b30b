package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.mysql.schema.TableGeneration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the real columns and unique keys of a table from information_schema and
 * tells which generation made it: kubedl-persist, KubeDL seed-era, KubeDL current,
 * or unknown. Version rows alone cannot tell: KubeDL's tables have none, and a table
 * can be replaced under rows that say otherwise.
 */
public final class SchemaInspection {
    private SchemaInspection() {
    }

    /**
     * @param c a connection to the database
     * @param table a table of the current database
     * @param jobTable true when it is (or should be) a job table, false for a pod table
     * @return its shape; generation ABSENT when there is no such table
     * @throws SQLException when information_schema cannot be read
     */
    public static TableShape inspect(Connection c, String table, boolean jobTable) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<String> uniqueKeys = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uniqueKeys.add(rs.getString(1));
                }
            }
        }
        return classify(table, jobTable, columns, uniqueKeys);
    }

    static TableShape classify(String table, boolean jobTable, Set<String> columns, Set<String> uniqueKeys) {
        if (columns.isEmpty()) {
            return new TableShape(table, TableGeneration.ABSENT, Set.of(), Set.copyOf(uniqueKeys), List.of(), List.of());
        }
        if (columns.contains(KubedlColumns.OURS_MARKER)) {
            List<String> missing = new ArrayList<>(jobTable ? KubedlColumns.OUR_JOB_V1 : KubedlColumns.OUR_POD_V2);
            missing.removeAll(columns);
            return new TableShape(table, missing.isEmpty() ? TableGeneration.KUBEDL_PERSIST : TableGeneration.UNKNOWN,
                    Set.copyOf(columns), Set.copyOf(uniqueKeys), List.of(), List.copyOf(missing));
        }
        TableGeneration generation = kubedlGeneration(jobTable, columns);
        Set<String> known = KubedlColumns.known(jobTable, generation);
        List<String> unknown = columns.stream().filter(col -> !known.contains(col)).toList();
        Set<String> required = new TreeSet<>(known);
        required.removeAll(KubedlColumns.JOB_INTERIM);
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(columns);
        boolean fits = unknown.isEmpty() && missing.isEmpty();
        return new TableShape(table, fits ? generation : TableGeneration.UNKNOWN, Set.copyOf(columns),
                Set.copyOf(uniqueKeys), unknown, List.copyOf(missing));
    }

    private static TableGeneration kubedlGeneration(boolean jobTable, Set<String> columns) {
        if (jobTable) {
            return columns.contains("gmt_job_running") || columns.contains("gmt_job_finished")
                    ? TableGeneration.KUBEDL_CURRENT : TableGeneration.KUBEDL_SEED;
        }
        return columns.contains(KubedlColumns.POD_SEED_DELETED) ? TableGeneration.KUBEDL_SEED : TableGeneration.KUBEDL_CURRENT;
    }
}
