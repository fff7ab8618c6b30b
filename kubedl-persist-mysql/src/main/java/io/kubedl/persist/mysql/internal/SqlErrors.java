package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;

/**
 * Translates {@link SQLException}s into the library's exceptions: what a retry may fix
 * becomes {@link TransientPersistException}, a value the server refuses becomes
 * {@link InvalidRecordException}, the rest {@link PersistException}. Messages are
 * cleaned of the password and of {@code password=} URL parameters (rule P3).
 */
final class SqlErrors {
    static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    static final int ER_LOCK_DEADLOCK = 1213;
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private final String target;
    private final String password;

    /**
     * @param target where the store connects, without password, for messages
     * @param password the password to scrub from driver messages
     */
    SqlErrors(String target, String password) {
        this.target = target;
        this.password = password;
    }

    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isTransientItself(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(SQLException e) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || state.equals("40001")))
                || code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT
                || code == 1040 /* too many connections */ || code == 1053 /* server shutdown */
                || code == 2006 || code == 2013 /* gone away, lost during query */
                || code == 1927 /* MariaDB: connection was killed */ || code == 1317 /* query interrupted */
                || closedUnderneath(e) || isFailover(e);
    }

    /**
     * A node that cannot take this write now, though another one (or this one, a moment
     * later) can: a read-only server or connection (a Group Replication secondary or a
     * demoted primary: 1290 super_read_only, 1792 read-only transaction, MariaDB 1836; a
     * Connector/J connection that failed over read-only: S1009 "Connection is read-only"),
     * a Galera node not in the primary component (1047 "WSREP has not yet prepared node
     * for application use"), Group Replication refusing a commit on a member that left
     * or lost the group (3100 replication hook error, 3101 rollback during commit). Never
     * bad data: the pool discards the connection ({@link FailoverEviction}) and the write
     * is retried on a fresh one, which is safe because every write is version-guarded.
     *
     * @param e the driver's exception (only this one, not its causes)
     * @return true for such an error
     */
    static boolean isFailover(SQLException e) {
        int code = e.getErrorCode();
        String message = e.getMessage();
        return code == 1290 || code == 1792 || code == 1836 || code == 1047 || code == 3100 || code == 3101
                || ("S1009".equals(e.getSQLState()) && message != null && message.contains("read-only"));
    }

    /**
     * When the server kills a connection while a statement is being prepared or read,
     * Connector/J may report it as "No operations allowed after statement closed" (or
     * "connection closed") with the generic SQLState S1009 instead of an 08xxx state. The
     * statement is ours and was open: it is the connection that went away, so a retry on
     * a fresh connection may succeed (and is safe: every write is version-guarded).
     */
    private static boolean closedUnderneath(SQLException e) {
        String message = e.getMessage();
        return "S1009".equals(e.getSQLState()) && message != null
                && (message.contains("after statement closed") || message.contains("after connection closed"));
    }

    static boolean isDeadlock(SQLException e) {
        return e.getErrorCode() == ER_LOCK_DEADLOCK || "40001".equals(e.getSQLState());
    }

    /**
     * The connection itself is gone (killed, the server restarted or failed over, the
     * link broke): a fresh connection may succeed. Not the pool's own timeout
     * ({@link SQLTransientConnectionException}: no connection could be had within the
     * connect budget, so another attempt would only double the wait).
     */
    static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return false;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                if ((state != null && state.startsWith("08")) || sql instanceof SQLRecoverableException
                        || code == 2006 || code == 2013 || code == 1927 || code == 4031 || closedUnderneath(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBadValue(SQLException e) {
        int code = e.getErrorCode();
        return code == 1406 /* data too long */ || code == 1366 /* incorrect string value */
                || code == 1292 /* incorrect datetime */ || code == 1264 /* out of range */
                || code == 1048 /* column cannot be null */;
    }

    /**
     * @param operation what was being done, e.g. {@code "save job default/mnist"}
     * @param e the driver's exception
     * @return the exception to throw
     */
    PersistException translate(String operation, SQLException e) {
        String message = operation + " failed on " + target + ": " + clean(e.getMessage())
                + " [SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + "]";
        if (isTransient(e)) {
            return new TransientPersistException(message + " (transient: retrying may succeed)", cleanCause(e));
        }
        if (isBadValue(e)) {
            return new InvalidRecordException("record", message);
        }
        return new PersistException(message, cleanCause(e));
    }

    /**
     * Every occurrence of the password is replaced, whatever its length: P3 has no
     * exception for short passwords. With a password of one or two characters this also
     * masks those characters where they are part of other words; an odd-looking message
     * is the price of never printing a secret.
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = PASSWORD_PARAM.matcher(text).replaceAll("$1****");
        if (password != null && !password.isEmpty()) {
            t = t.replace(password, "****");
        }
        return t;
    }

    /**
     * The driver's own message is kept as the cause for diagnosis, but re-created with
     * the scrubbed text, so that a logged stack trace cannot carry the password either.
     */
    SQLException cleanCause(SQLException e) {
        String original = e.getMessage();
        String cleaned = clean(original);
        if (cleaned.equals(original == null ? "" : original)) {
            return e;
        }
        SQLException copy = new SQLException(cleaned, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
