package io.kubedl.persist.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A running MySQL-family server that tests may create databases on. Obtain the one
 * shared by the JVM with {@link TestServers#shared()}. Implementations are thread-safe.
 *
 * <p>The password is never part of {@code toString()} or of a log line.
 */
public interface TestServer {

    /** @return where this server comes from */
    TestServerKind kind();

    /** @return host name or address to connect to */
    String host();

    /** @return TCP port to connect to */
    int port();

    /** @return a user allowed to create and drop databases */
    String user();

    /** @return that user's password, possibly empty; never log it */
    String password();

    /**
     * @param database a database name, or empty for none
     * @return a Connector/J URL of that database (TLS off, as the kit's servers have none or a self-signed one)
     */
    String jdbcUrl(String database);

    /**
     * Opens an administrative connection with no default database.
     *
     * @return a new connection; the caller closes it
     * @throws SQLException when the server cannot be reached
     */
    Connection connect() throws SQLException;

    /**
     * Creates a database with a unique name (utf8mb4). Close the result to drop it.
     *
     * @param prefix start of the name: letters, digits and '_' are kept, the rest become '_'
     * @return the new database
     */
    TestDatabase createDatabase(String prefix);

    /**
     * Kills every connection (not the one issuing the KILL) whose default database is
     * the one named, as {@code KILL CONNECTION} does; used to test recovery from lost
     * connections.
     *
     * @param database the database whose sessions to kill
     * @return how many connections were killed
     */
    int killConnections(String database);

    /** @return true when {@link #stop()} and {@link #start()} are supported ({@link TestServerKind#EMBEDDED}) */
    default boolean canRestart() {
        return false;
    }

    /**
     * Stops the server process, keeping its data directory, so that clients see it
     * go away. Only for servers that {@link #canRestart()}.
     *
     * @throws UnsupportedOperationException for external and container servers
     */
    default void stop() {
        throw new UnsupportedOperationException(kind() + " test servers cannot be stopped by the test kit");
    }

    /**
     * Starts a stopped server again on the same port and data directory. Idempotent.
     *
     * @throws UnsupportedOperationException for external and container servers
     */
    default void start() {
        throw new UnsupportedOperationException(kind() + " test servers cannot be started by the test kit");
    }
}
