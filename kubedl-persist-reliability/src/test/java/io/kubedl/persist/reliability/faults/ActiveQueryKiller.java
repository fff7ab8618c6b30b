package io.kubedl.persist.reliability.faults;

import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills, with {@code KILL CONNECTION}, the sessions of one database that are running a
 * statement right now (not idle ones), so that the kill lands inside a batch. Uses
 * its own admin connection to the server.
 */
final class ActiveQueryKiller implements AutoCloseable {
    private final TestDatabase database;
    private final Connection admin;

    ActiveQueryKiller(TestDatabase database) throws SQLException {
        this.database = database;
        this.admin = database.server().connect();
    }

    /**
     * Looks up to {@code attempts} times for a session of the database in the middle of
     * a statement and kills every one found.
     *
     * @param attempts how many process-list reads to make at most
     * @return how many sessions were killed mid-statement
     * @throws SQLException when the admin connection fails
     */
    int killRunning(int attempts) throws SQLException {
        for (int i = 0; i < attempts; i++) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = admin.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST"
                    + " WHERE DB = ? AND ID <> CONNECTION_ID() AND COMMAND = 'Query'")) {
                ps.setString(1, database.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            int killed = 0;
            for (long id : ids) {
                try (Statement s = admin.createStatement()) {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException e) {
                    if (e.getErrorCode() != 1094) { // 1094: the session already ended
                        throw e;
                    }
                }
            }
            if (killed > 0) {
                return killed;
            }
        }
        return 0;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
