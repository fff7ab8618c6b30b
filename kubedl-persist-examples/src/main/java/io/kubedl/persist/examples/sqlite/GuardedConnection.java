package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's one JDBC connection and the lock that serialises every use of it.
 * Reads run as single statements; writes run inside {@code BEGIN IMMEDIATE} so that a
 * write which needs a second statement (telling UNCHANGED from STALE, deleting a
 * job's pods) is atomic even against another process sharing the file. After
 * {@link #close()} every call throws {@link IllegalStateException} (rule P4).
 */
final class GuardedConnection implements AutoCloseable {

    /** Work done on the connection while the lock is held. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final String description;
    private volatile boolean closed;

    GuardedConnection(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    /** Runs one or more reads; no transaction needed for a single SELECT. */
    <T> T read(String operation, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs the work in one write transaction; rolls back on any failure. */
    <T> T write(String operation, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            lock.unlock();
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(description + " is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new PersistException("closing the " + description + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is already gone (SQLite rolls back on some errors itself)
        }
    }

    private PersistException failure(String operation, SQLException e) {
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process holds the file's lock; retrying is safe
        int primary = e.getErrorCode() & 0xff;
        String message = operation + " failed on the " + description + ": " + e.getMessage();
        return primary == 5 || primary == 6 ? new TransientPersistException(message, e) : new PersistException(message, e);
    }
}
