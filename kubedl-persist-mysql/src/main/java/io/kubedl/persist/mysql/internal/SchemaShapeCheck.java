package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.mysql.schema.TableGeneration;

import io.kubedl.persist.ConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of validate and migrate that look at the real tables, not at version
 * rows: a table of our name that KubeDL or someone else made, an adoption that is not
 * finished, or tables that lack what the recorded version promises. Each refusal
 * says what to do, and never advises migrate where migrate would refuse.
 */
final class SchemaShapeCheck {
    static final String GUIDE = "docs/migrating-from-kubedl.md";

    private final String database;

    SchemaShapeCheck(String database) {
        this.database = database;
    }

    /**
     * Before anything is created: refuses tables of our names that are not ours, and a
     * database whose adoption is not finished.
     *
     * @param c a connection to the database
     * @param adopting true when the adoption itself runs the migration
     * @throws ConfigurationException saying what was found and what to do
     * @throws SQLException when information_schema cannot be read
     */
    void refuseForeignTables(Connection c, boolean adopting) throws SQLException {
        for (TableShape shape : List.of(SchemaInspection.inspect(c, KubedlColumns.JOB_TABLE, true),
                SchemaInspection.inspect(c, KubedlColumns.POD_TABLE, false))) {
            if (shape.generation().isKubedl()) {
                throw new ConfigurationException("database " + database + " has table " + shape.describe()
                        + ", made by KubeDL's Go controller, not by kubedl-persist; migrate will not touch it."
                        + (hasVersionRows(c) ? " " + SchemaMigrator.VERSION_TABLE + " has rows although the table is"
                                + " KubeDL's (KubeDL re-created it after kubedl-persist's tables were renamed or dropped):"
                                + " rename " + SchemaMigrator.VERSION_TABLE + " away, then" : "")
                        + " Adopt it with the ops CLI's adopt (KubedlAdoption: dry run, then apply with KubeDL's"
                        + " time zone), see " + GUIDE);
            }
            if (shape.generation() == TableGeneration.UNKNOWN) {
                throw new ConfigurationException("database " + database + " has a table " + shape.table()
                        + " that neither kubedl-persist nor KubeDL made"
                        + (shape.unknownColumns().isEmpty() ? "" : " (unknown columns " + shape.unknownColumns() + ")")
                        + (shape.missingColumns().isEmpty() ? "" : " (it lacks columns " + shape.missingColumns() + ")")
                        + "; neither migrate nor adopt will change it: use another database (MYSQL_DB_NAME), or rename"
                        + " that table if it may go");
            }
        }
        if (!adopting) {
            Optional<AdoptionState> state = AdoptionState.read(c);
            if (state.isPresent() && !state.get().done()) {
                throw new ConfigurationException("database " + database + ": the adoption of KubeDL's tables started at "
                        + state.get().startedAt() + " UTC has not finished (step " + state.get().step() + "); run adopt"
                        + " again with the same source zone (" + state.get().sourceZone() + ") to finish it before a"
                        + " controller starts, see " + GUIDE);
            }
        }
    }

    /**
     * After the version rows said {@code version}: the tables really have its columns and keys.
     *
     * @param c a connection to the database
     * @param version the schema version the rows record
     * @throws ConfigurationException naming the table, what it lacks and what to do
     * @throws SQLException when information_schema cannot be read
     */
    void requireColumns(Connection c, int version) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (version >= 1) {
            check(SchemaInspection.inspect(c, KubedlColumns.JOB_TABLE, true), KubedlColumns.OUR_JOB_V1,
                    version >= 4 ? KubedlColumns.OUR_JOB_V4 : List.of(), "uk_job_identity", problems);
        }
        if (version >= 2) {
            check(SchemaInspection.inspect(c, KubedlColumns.POD_TABLE, false), KubedlColumns.OUR_POD_V2,
                    version >= 4 ? KubedlColumns.OUR_POD_V4 : List.of(), "uk_pod_identity", problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("database " + database + " records schema version " + version + " in "
                    + SchemaMigrator.VERSION_TABLE + ", but " + String.join("; ", problems) + ": the tables were changed,"
                    + " dropped or replaced outside kubedl-persist, so migrate cannot repair them. Restore them from a"
                    + " backup or use another database; if they are KubeDL's, see " + GUIDE);
        }
    }

    private static void check(TableShape shape, List<String> base, List<String> added, String uniqueKey, List<String> problems) {
        if (!shape.exists()) {
            problems.add("table " + shape.table() + " does not exist");
            return;
        }
        List<String> missing = new ArrayList<>(base);
        missing.addAll(added);
        missing.removeAll(shape.columns());
        if (!missing.isEmpty()) {
            problems.add(shape.describe() + " lacks columns " + missing);
        }
        if (!shape.uniqueKeys().contains(uniqueKey)) {
            problems.add(shape.table() + " lacks its unique key " + uniqueKey);
        }
    }

    private static boolean hasVersionRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, SchemaMigrator.VERSION_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + SchemaMigrator.VERSION_TABLE);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
