package io.kubedl.persist.benchmark;

import io.kubedl.persist.testkit.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own counters of what a path made it do (statements by kind, commits,
 * handler calls, InnoDB rows read and written, log fsyncs), read from {@code SHOW GLOBAL
 * STATUS} before and after the path. Global counters include every client of the
 * server: exact on the embedded server, which only the benchmark uses; on a shared
 * server they include whatever else ran meanwhile.
 */
final class ServerCounters implements AutoCloseable {
    /** The counters read, in the order they are printed; a name the server lacks reads as 0. */
    static final List<String> NAMES = List.of("Questions", "Com_select", "Com_insert", "Com_update", "Com_commit",
            "Com_rollback", "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next", "Handler_write",
            "Handler_update", "Innodb_rows_read", "Innodb_rows_inserted", "Innodb_rows_updated",
            "Innodb_os_log_fsyncs");
    /** Statements that reading the counters itself adds to Questions (one SHOW per snapshot). */
    private static final long OWN_STATEMENTS = 1;

    // one connection for every snapshot, so that connecting adds nothing to the counters
    private final Connection connection;

    ServerCounters(TestServer server) throws SQLException {
        this.connection = server.connect();
    }

    /** @return the counters now */
    Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        NAMES.forEach(n -> values.put(n, 0L));
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                String name = rs.getString(1);
                for (String wanted : NAMES) {
                    if (wanted.equalsIgnoreCase(name)) {
                        values.put(wanted, Long.parseLong(rs.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's status counters: " + e.getMessage(), e);
        }
        return values;
    }

    /**
     * @param before a snapshot
     * @param after a later snapshot
     * @return what happened in between, without the statement that read {@code after}
     */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        for (String name : NAMES) {
            d.put(name, after.get(name) - before.get(name));
        }
        d.put("Questions", d.get("Questions") - OWN_STATEMENTS);
        return d;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
