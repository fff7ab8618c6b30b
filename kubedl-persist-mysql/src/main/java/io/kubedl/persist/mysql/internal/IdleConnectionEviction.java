package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;

/**
 * Empties the pool of the connections that were idle when one of them was found dead
 * (issue 12 item 4). A server that killed one pooled connection (KILL, a restart, a
 * failover) has usually killed them all; without this each of them would fail one later
 * call. HikariCP closes the idle ones at once and the busy ones when they come back.
 */
final class IdleConnectionEviction {
    private IdleConnectionEviction() {
    }

    /** @param dataSource the store's pool; anything else is left alone */
    static void evict(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && !hikari.isClosed()) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }
}
