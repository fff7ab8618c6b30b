package io.kubedl.persist.mysql.internal;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.kubedl.persist.mysql.config.MySqlSettings;
import java.util.Properties;

/**
 * Builds the Connector/J {@link MysqlDataSource} the pool draws connections from (P3).
 * Secrets (the user's password, a trust-store password) MUST reach the driver only
 * through this object: HikariCP logs its jdbcUrl and data-source properties at DEBUG
 * and masks only a key named {@code password}, so nothing secret is ever handed to
 * HikariConfig; it receives this data source, whose toString names no value.
 */
final class ConnectorDataSource {
    private ConnectorDataSource() {
    }

    /**
     * @param settings validated settings (URL, user, password, driver properties)
     * @param trustStore a trust store built from {@code sslCa}, or null
     * @return a data source that connects with every driver property of the settings
     */
    static MysqlDataSource of(MySqlSettings settings, PemTrustStore trustStore) {
        Properties properties = new Properties();
        properties.putAll(settings.driverProperties());
        if (trustStore != null) {
            properties.putAll(trustStore.driverProperties());
        }
        // the greeting and the login are read within the connect timeout; the configured socket timeout
        // applies once the connection is made (HandshakeBoundedMysqlDataSource)
        int socketTimeout = settings.socketTimeoutMs();
        int handshake = socketTimeout == 0 ? settings.connectTimeoutMs() : Math.min(socketTimeout, settings.connectTimeoutMs());
        properties.put("socketTimeout", Integer.toString(handshake));
        MysqlDataSource ds = new HandshakeBoundedMysqlDataSource(socketTimeout);
        ds.initializeProperties(properties);
        ds.setURL(settings.jdbcUrl());
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }
}
