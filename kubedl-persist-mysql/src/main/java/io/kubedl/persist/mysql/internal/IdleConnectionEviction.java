package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;

/**
 * Empties the pool of the connections that were idle when one of them was found dead
 * (issue 12 item 4). A server that killed one pooled connection (KILL, a restart, a
 * failover) has usually killed them all; without this each of them would fail one later
 * call. HikariCP closes the idle ones at once and the busy ones when they come back.
 * Only the pool the store built is touched (MySqlStoreOpener names it
 * {@value #OWN_POOL}{@code <database>}); a DataSource the application handed in is the
 * application's to manage (P4), even when it is a HikariCP pool.
 */
final class IdleConnectionEviction {
    /** Start of the name of every pool MySqlStoreOpener builds. */
    static final String OWN_POOL = "kubedl-persist-mysql-";

    private IdleConnectionEviction() {
    }

    /** @param dataSource the store's pool; anything else is left alone */
    static void evict(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && !hikari.isClosed() && hikari.getPoolName() != null
                && hikari.getPoolName().startsWith(OWN_POOL)) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }
}
