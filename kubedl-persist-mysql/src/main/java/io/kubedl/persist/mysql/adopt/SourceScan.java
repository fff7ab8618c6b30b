package io.kubedl.persist.mysql.adopt;

import io.kubedl.persist.mysql.schema.TableGeneration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * Reads a KubeDL table in id order, a chunk at a time (keyset on the primary key, the
 * only index gorm made), and maps each row; memory stays bounded whatever the size.
 *
 * @param table the table to read (a constant name, never input)
 * @param jobs true for a job table
 * @param generation its generation
 * @param zone the zone of KubeDL's local times
 */
record SourceScan(String table, boolean jobs, TableGeneration generation, ZoneId zone) {
    private static final int CHUNK = 1000;

    /** Receives each row, mapped or refused. */
    interface Visitor {
        /**
         * @param id the row's id
         * @param row the mapped row, or null when it cannot be converted
         * @param problem why it cannot, or null
         * @throws SQLException when the visitor's own statements fail
         */
        void visit(long id, KubedlRow row, String problem) throws SQLException;
    }

    void run(Connection c, Visitor visitor) throws SQLException {
        long after = -1;
        String sql = "SELECT * FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + CHUNK;
        while (true) {
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        after = rs.getLong("id");
                        KubedlRow row = null;
                        String problem = null;
                        try {
                            row = jobs ? KubedlRow.job(rs, generation, zone) : KubedlRow.pod(rs, generation, zone);
                        } catch (RuntimeException e) {
                            problem = e.getMessage();
                        }
                        visitor.visit(after, row, problem);
                    }
                }
            }
            if (read < CHUNK) {
                return;
            }
        }
    }
}
