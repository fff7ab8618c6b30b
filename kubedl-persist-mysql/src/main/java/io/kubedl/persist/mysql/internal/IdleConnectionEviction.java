package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * Empties the pool of the connections that were idle when one of them was found dead
 * (issue 12 item 4). A server that killed one pooled connection (KILL, a restart, a
 * failover) has usually killed them all; without this each of them would fail one later
 * call. HikariCP closes the idle ones at once and the busy ones when they come back.
 * Only the pool the store built is touched ({@link #of}, from MySqlStoreOpener); a
 * DataSource the application handed in is the application's to manage (P4), even when
 * it is a HikariCP pool, so DataSourceStoreOpener passes {@link #NONE}.
 */
@FunctionalInterface
interface IdleConnectionEviction {
    /** For a DataSource the store does not own: evicts nothing. */
    IdleConnectionEviction NONE = () -> { };

    /** Evicts the idle connections, if the store owns a pool that is still open. */
    void evict();

    /** @param pool the pool the store built @return an eviction of its idle connections */
    static IdleConnectionEviction of(HikariDataSource pool) {
        return () -> {
            HikariPoolMXBean bean = pool.isClosed() ? null : pool.getHikariPoolMXBean();
            if (bean != null) {
                bean.softEvictConnections();
            }
        };
    }
}
