package io.kubedl.persist.mysql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The progress of an adoption of KubeDL's tables, one row in table
 * {@value #TABLE}: which step was reached and the zone it converts from. It makes
 * the adoption resumable (steps are re-run from the recorded one) and lets a
 * controller's start refuse a database whose adoption is not finished.
 *
 * @param step {@link #RENAMING}, {@link #COPYING} or {@link #DONE}
 * @param sourceZone the zone id KubeDL's local times are converted from
 * @param startedAt when the adoption started (UTC)
 * @param finishedAt when it finished (UTC), or null
 */
public record AdoptionState(String step, String sourceZone, LocalDateTime startedAt, LocalDateTime finishedAt) {
    /** The table that records the adoption. */
    public static final String TABLE = "kubedl_adoption";
    /** Recorded before KubeDL's tables are renamed to their backups. */
    public static final String RENAMING = "renaming";
    /** Recorded once the backups exist: our tables are created and filled next. */
    public static final String COPYING = "copying";
    /** Recorded when every row was copied. */
    public static final String DONE = "done";
    /** Suffix of the backup of a KubeDL table, e.g. {@code job_info_kubedl_backup}. */
    public static final String BACKUP_SUFFIX = "_kubedl_backup";

    /** @return true once the adoption finished */
    public boolean done() {
        return DONE.equals(step);
    }

    /**
     * @param c a connection to the database
     * @return the recorded state, empty when no adoption was ever started
     * @throws SQLException when the server fails
     */
    public static Optional<AdoptionState> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT step, source_zone, started_at, finished_at FROM " + TABLE + " WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new AdoptionState(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                    rs.getObject(4, LocalDateTime.class)));
        }
    }

    /**
     * Records a step (creating the table when needed).
     *
     * @param c a connection to the database, autocommit on
     * @param step the step reached
     * @param sourceZone the zone id of KubeDL's local times
     * @throws SQLException when the server fails (e.g. no CREATE or INSERT grant)
     */
    public static void record(Connection c, String step, String sourceZone) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id TINYINT NOT NULL PRIMARY KEY,"
                    + " step VARCHAR(16) NOT NULL, source_zone VARCHAR(64) NOT NULL, started_at DATETIME NOT NULL,"
                    + " finished_at DATETIME NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (id, step, source_zone, started_at, finished_at) VALUES (1, ?, ?, UTC_TIMESTAMP(), NULL)"
                + " ON DUPLICATE KEY UPDATE step = VALUES(step),"
                + " finished_at = CASE WHEN VALUES(step) = '" + DONE + "' THEN UTC_TIMESTAMP() ELSE NULL END")) {
            ps.setString(1, step);
            ps.setString(2, sourceZone);
            ps.executeUpdate();
        }
    }
}
