package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.TransientPersistException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that lets one process at a time migrate a database, across every node of
 * a cluster: a lease row in table {@value #TABLE}.
 *
 * <p>{@code GET_LOCK} is not enough: its locks live in one server's memory, so on
 * Galera or Group Replication two controllers that connect to different nodes both
 * get "the" lock. A row is replicated like any data: two nodes inserting the row of
 * one primary key at once conflict (Galera certification, Group Replication's
 * conflict detection), exactly one insert commits and the other fails (duplicate key,
 * or a deadlock error for the loser of certification). So whoever committed the row
 * holds the lock everywhere.
 *
 * <p>The row is a lease: it expires {@link #lease} after it was taken or last renewed
 * (server time, {@code UTC_TIMESTAMP()}), so a process killed mid-migration does not
 * block the database for ever; the holder renews it before each statement. A waiter
 * re-checks whether the work is done (the caller's {@link Done} check) between
 * attempts, so it stops waiting as soon as the holder has finished.
 */
final class MigrationLock {
    /** The table of the lease row. */
    static final String TABLE = "kubedl_schema_lock";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final int ER_DUP_ENTRY = 1062;

    /** Whether the work the lock protects has been done meanwhile by someone else. */
    interface Done {
        boolean check() throws SQLException;
    }

    private final String database;
    private final Duration lease;
    private final Duration maxWait;
    private final Duration poll;
    private final String owner = UUID.randomUUID().toString();

    /**
     * @param database for messages
     * @param lease how long the lease lasts without renewal
     * @param maxWait how long a waiter waits for a live lease before giving up
     * @param poll pause between two attempts (jittered up to twice this)
     */
    MigrationLock(String database, Duration lease, Duration maxWait, Duration poll) {
        this.database = database;
        this.lease = lease;
        this.maxWait = maxWait;
        this.poll = poll;
    }

    /** @return the defaults: a 120 s lease, waiting up to 300 s, polling every 250 ms */
    static MigrationLock forDatabase(String database) {
        return new MigrationLock(database, Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofMillis(250));
    }

    /** @return this process's owner id, as recorded in the lease row */
    String owner() {
        return owner;
    }

    /**
     * Takes the lock, or returns as soon as {@code done} says there is nothing left to do.
     *
     * @param c a connection to the database, autocommit on
     * @param done checked before every attempt
     * @return true when the lock is held; false when the work was done by another process
     * @throws SQLException when the server fails
     * @throws ConfigurationException when a live lease of another process outlasts {@code maxWait}
     */
    boolean acquire(Connection c, Done done) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT NOT NULL PRIMARY KEY, owner CHAR(36) NOT NULL,"
                    + " expires_at DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean waited = false;
        while (true) {
            if (check(done)) {
                return false;
            }
            if (tryAcquire(c)) {
                return true;
            }
            if (!waited) {
                LOG.info("database {}: another process is migrating the schema ({}); waiting for it", database, holder(c));
                waited = true;
            }
            if (System.nanoTime() > deadline) {
                throw new ConfigurationException("could not get the migration lock of database " + database + " within "
                        + maxWait.toSeconds() + " s: " + holder(c) + "; if no process is migrating, the lease expires"
                        + " by itself (" + lease.toSeconds() + " s after its last renewal)");
            }
            pause();
        }
    }

    /**
     * Runs a read that Galera may abort: a read of {@code information_schema} or of a table
     * that another node's DDL is changing is brute-force aborted with a deadlock error
     * (1213) while that DDL is applied. Nothing was written, so reading again is right.
     *
     * @param done the read
     * @return its answer
     * @throws SQLException when it keeps failing, or fails otherwise
     */
    static boolean check(Done done) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return done.check();
            } catch (SQLException e) {
                if (!SqlErrors.isDeadlock(e) || attempt >= 20) {
                    throw e;
                }
                sleepQuietly(10L * attempt);
            }
        }
    }

    private boolean tryAcquire(Connection c) throws SQLException {
        if (check(() -> isLive(c))) {
            return false; // leave a live lease alone: an insert would only conflict with its holder's renewal
        }
        try (PreparedStatement expired = c.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE id = 1 AND expires_at < UTC_TIMESTAMP()")) {
            if (expired.executeUpdate() > 0) {
                LOG.warn("database {}: took over an expired migration lease (a process stopped mid-migration)", database);
            }
        } catch (SQLException e) {
            if (!SqlErrors.isDeadlock(e)) {
                throw e;
            }
            return false; // someone else cleared or took it at the same moment
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                + " (id, owner, expires_at) VALUES (1, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)")) {
            insert.setString(1, owner);
            insert.setLong(2, lease.toSeconds());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // the row exists (1062), or another node's insert of it won certification (1213 / 40001)
            if (e.getErrorCode() == ER_DUP_ENTRY || SqlErrors.isDeadlock(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Extends the lease; call before each step of the work.
     *
     * @param c the connection that acquired the lock
     * @throws SQLException when the server fails
     * @throws TransientPersistException when the lease was lost (it expired and another process took it)
     */
    void renew(Connection c) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                renewOnce(c);
                return;
            } catch (SQLException e) {
                // a waiter's insert of the row, certified at the same moment on another node
                if (!SqlErrors.isDeadlock(e) || attempt >= 10) {
                    throw e;
                }
                sleepQuietly(10L * attempt);
            }
        }
    }

    private void renewOnce(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET expires_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = 1 AND owner = ?")) {
            ps.setLong(1, lease.toSeconds());
            ps.setString(2, owner);
            if (ps.executeUpdate() == 0 && !stillOwner(c)) {
                throw new TransientPersistException("database " + database + ": the migration lease expired and was"
                        + " taken over by another process; open again to continue (every script is re-runnable)", null);
            }
        }
    }

    private static boolean isLive(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM " + TABLE + " WHERE id = 1 AND expires_at >= UTC_TIMESTAMP()")) {
            return rs.next();
        }
    }

    private boolean stillOwner(Connection c) throws SQLException {
        // useAffectedRows: an UPDATE within the same second changes nothing and reports 0 although we hold it
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE id = 1 AND owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Gives the lock back; a failure is logged, not thrown (the lease expires by itself).
     *
     * @param c the connection that acquired the lock
     */
    void release(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = 1 AND owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("database {}: could not release the migration lease (it expires within {} s): {}", database,
                    lease.toSeconds(), e.getMessage());
        }
    }

    private String holder(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, expires_at FROM " + TABLE + " WHERE id = 1")) {
            return rs.next() ? "held by " + rs.getString(1) + " until " + rs.getString(2) + " UTC" : "free";
        } catch (SQLException e) {
            return "holder unknown (" + e.getMessage() + ")";
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPersistException("interrupted while retrying a read aborted by the cluster", e);
        }
    }

    private void pause() {
        long ms = poll.toMillis() + ThreadLocalRandom.current().nextLong(poll.toMillis() + 1);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPersistException("database " + database + ": interrupted while waiting for the migration lock", e);
        }
    }
}
