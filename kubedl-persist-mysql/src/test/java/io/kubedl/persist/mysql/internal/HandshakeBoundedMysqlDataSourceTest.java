package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 12 items 3 and 10: what the pool's data source does differently from Connector/J's own. */
class HandshakeBoundedMysqlDataSourceTest {

    @Test
    void establishedConnectionsKeepTheConfiguredSocketTimeout() throws Exception {
        try (TestDatabase db = TestServers.shared().createDatabase("handshake")) {
            for (String socketTimeout : List.of("0", "12345")) {
                MySqlSettings settings = MySqlSettings.from(db.configBuilder().option(MySqlSettings.SOCKET_TIMEOUT_MS, socketTimeout)
                        .option(MySqlSettings.CONNECT_TIMEOUT_MS, "800").option(MySqlSettings.SSL_MODE, "DISABLED")
                        .option(MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL, "true").build());
                DataSource source = ConnectorDataSource.of(settings, null);
                try (Connection c = source.getConnection()) {
                    assertThat(c.getNetworkTimeout()).as("socketTimeoutMs=" + socketTimeout)
                            .isEqualTo(Integer.parseInt(socketTimeout));
                }
            }
        }
    }

    @Test
    void theLoginTimeoutTheMysqlDataSourceIgnoresIsKept() throws Exception {
        // Connector/J's MysqlDataSource answers 0 whatever was set; HikariCP's close waits that many seconds
        HandshakeBoundedMysqlDataSource source = new HandshakeBoundedMysqlDataSource(0);
        source.setLoginTimeout(7);
        assertThat(source.getLoginTimeout()).isEqualTo(7);
        com.mysql.cj.jdbc.MysqlDataSource plain = new com.mysql.cj.jdbc.MysqlDataSource();
        plain.setLoginTimeout(7);
        assertThat(plain.getLoginTimeout()).as("the driver's own, the cause of the WARN on close").isZero();
    }
}
