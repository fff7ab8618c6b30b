package io.kubedl.persist.testkit;

import io.kubedl.persist.config.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A uniquely named database on a {@link TestServer}, created for one test class (or
 * one benchmark run). {@link #close()} drops it. The password is never part of
 * {@link #toString()}.
 */
public final class TestDatabase implements AutoCloseable {
    private final TestServer server;
    private final String name;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final List<String> users = new CopyOnWriteArrayList<>();

    TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** @return the server that holds this database */
    public TestServer server() { return server; }
    /** @return the database name */
    public String name() { return name; }
    /** @return the server's host */
    public String host() { return server.host(); }
    /** @return the server's port */
    public int port() { return server.port(); }
    /** @return a user allowed to create tables in it */
    public String user() { return server.user(); }
    /** @return that user's password; never log it */
    public String password() { return server.password(); }
    /** @return a Connector/J URL of this database */
    public String jdbcUrl() { return server.jdbcUrl(name); }

    /**
     * @return a configuration builder already holding storage {@code mysql}, host,
     *         port, database, user and password of this database; add options and build
     */
    public StorageConfig.Builder configBuilder() {
        return StorageConfig.builder().storage("mysql").host(host()).port(port()).database(name)
                .user(user()).password(password());
    }

    /**
     * @return a new connection to this database; the caller closes it
     * @throws SQLException when the server cannot be reached
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /**
     * Kills every connection to this database but the caller's (see
     * {@link TestServer#killConnections(String)}).
     *
     * @return how many were killed
     */
    public int killConnections() {
        return server.killConnections(name);
    }

    /**
     * Creates a user {@code 'kt_<random>'@'%'} with the password and the privileges on
     * this database only (e.g. {@code "ALL PRIVILEGES"}, or {@code "SELECT, INSERT,
     * UPDATE, DELETE"} for least-privilege tests). Dropped by {@link #close()}.
     *
     * @param password the user's password
     * @param privileges a GRANT privilege list, from test code only
     * @return the user name
     */
    public String createUser(String password, String privileges) {
        String user = "kt_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        try (Connection c = server.connect()) {
            // client-side prepared statements bind these as escaped literals, which CREATE USER accepts
            try (PreparedStatement ps = c.prepareStatement("CREATE USER ?@'%' IDENTIFIED BY ?")) {
                ps.setString(1, user);
                ps.setString(2, password);
                ps.execute();
            }
            users.add(user);
            try (Statement s = c.createStatement()) {
                s.execute("GRANT " + privileges + " ON `" + name + "`.* TO '" + user + "'@'%'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test user on " + server + ": " + e.getMessage(), e);
        }
        return user;
    }

    /** Drops the database and the users made for it. Idempotent; a server that is gone is ignored. */
    @Override
    public void close() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String user : users) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            TestServers.LOG.warn("could not drop test database {} on {}: {}", name, server, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " on " + server + "]";
    }
}
