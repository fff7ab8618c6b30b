package io.kubedl.persist.mysql.internal;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connector/J's data source with two corrections the pool needs (issue 12 items 3, 10).
 *
 * <p>A new connection reads the server's greeting with the socket timeout, and the
 * connect timeout bounds only the TCP connect: against a server that accepts TCP but
 * never answers, a connect (and so {@code open}) waited the whole socket timeout, 60 s by
 * default and for ever with 0. Here connections are made with a socket timeout no longer
 * than the connect timeout (the data source's {@code socketTimeout} property), and once
 * made, their network timeout is set to the configured socket timeout.
 *
 * <p>{@link MysqlDataSource#getLoginTimeout()} always answers 0 and ignores
 * {@code setLoginTimeout}. HikariCP's shutdown waits {@code getLoginTimeout()} seconds for
 * a connection it is adding; with 0 it did not wait, and closing a store soon after
 * opening it (while the pool still fills to its minimum) logged the WARN "Timed-out
 * waiting for add connection executor to shutdown". This class keeps the value HikariCP
 * sets (its connection timeout in seconds), so a close waits for that connect to end.
 *
 * <p>The class name keeps "Mysql": HikariCP then sets network timeouts synchronously, as
 * it does for Connector/J's own data source.
 */
final class HandshakeBoundedMysqlDataSource extends MysqlDataSource {
    private static final long serialVersionUID = 1L;

    private final int socketTimeoutMs;
    private volatile int loginTimeoutSeconds;

    /** @param socketTimeoutMs the socket timeout of an established connection, ms; 0 for none */
    HandshakeBoundedMysqlDataSource(int socketTimeoutMs) {
        this.socketTimeoutMs = socketTimeoutMs;
    }

    @Override
    protected Connection getConnection(Properties properties) throws SQLException {
        Connection connection = super.getConnection(properties);
        try {
            // Connector/J applies it at once when run on the calling thread
            connection.setNetworkTimeout(Runnable::run, socketTimeoutMs);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = Math.max(0, seconds);
    }

    /** @return the socket timeout of established connections, ms */
    int socketTimeoutMs() {
        return socketTimeoutMs;
    }
}
