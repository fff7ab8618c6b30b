package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool to throw away a connection that met a failover error
 * ({@link SqlErrors#isFailover}): it points at a node that is read-only or out of the
 * cluster, and HikariCP would otherwise keep it (its own check knows only 08xxx states
 * and a few codes), so every retry could draw the same dead end again. A fresh
 * connection goes through Connector/J's host list again and lands on a writable node.
 */
public final class FailoverEviction implements SQLExceptionOverride {
    /** Created by the pool. */
    public FailoverEviction() {
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && SqlErrors.isFailover(sql)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
