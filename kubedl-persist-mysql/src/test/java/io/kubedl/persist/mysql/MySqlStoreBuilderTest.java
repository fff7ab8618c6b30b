package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MySqlStore's builder on the real server: the application's DataSource, a pool customizer, pool metrics. */
@ExtendWith(FreshDatabaseExtension.class)
class MySqlStoreBuilderTest {
    private static final String SECRET = "builder-test-secret-9c2e";
    private static final StorageConfig NO_CONNECTION_SETTINGS = StorageConfig.builder().build();

    @Test
    void opensOnTheApplicationsDataSourceWritesThroughItAndLeavesItOpen(TestDatabase db) throws SQLException {
        try (HikariDataSource application = applicationPool(db, "useAffectedRows=true")) {
            JobRecord created = job("on-datasource", "1", JobStatus.CREATED);
            try (MetaStore store = MySqlStore.builder(NO_CONNECTION_SETTINGS).dataSource(application).open()) {
                assertThat(store.jobs().save(created)).isEqualTo(WriteOutcome.INSERTED);
                assertThat(store.jobs().save(created)).isEqualTo(WriteOutcome.UNCHANGED);
                assertThat(store.jobs().save(job("on-datasource", "2", JobStatus.RUNNING))).isEqualTo(WriteOutcome.UPDATED);
                assertThat(store.jobs().get(JobKey.of("on-datasource"))).get().extracting(JobRecord::status).isEqualTo(JobStatus.RUNNING);
            }
            assertThat(application.isClosed()).as("closing the store leaves the application's pool open").isFalse();
            assertThat(count(application, "SELECT COUNT(*) FROM job_info WHERE job_id = 'on-datasource'")).isEqualTo(1);
        }
    }

    @Test
    void refusesConnectionsWithoutAffectedRowsBeforeCreatingAnyTable() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("builder_no_affected_rows")) {
            refusesConnectionsWithoutAffectedRows(db);
        }
    }

    private static void refusesConnectionsWithoutAffectedRows(TestDatabase db) throws SQLException {
        MysqlDataSource plain = new MysqlDataSource();
        plain.setURL(db.jdbcUrl());
        plain.setUser(db.user());
        plain.setPassword(db.password());
        assertThatThrownBy(() -> MySqlStore.builder(NO_CONNECTION_SETTINGS).dataSource(plain).open())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("useAffectedRows=true");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, db.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables in %s", db.name()).isZero();
            }
        }
    }

    @Test
    void aValidateOnlyStoreOnTheDataSourceRefusesAnEmptyDatabase() {
        StorageConfig validate = StorageConfig.builder().option(MySqlSettings.MIGRATION, "validate").build();
        try (TestDatabase db = TestServers.shared().createDatabase("builder_validate");
             HikariDataSource application = applicationPool(db, "useAffectedRows=true")) {
            assertThatThrownBy(() -> MySqlStore.builder(validate).dataSource(application).open())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("schema");
        }
    }

    @Test
    void poolCustomizerAndMeterRegistryShapeAndMeasureThePoolTheStoreBuilds(TestDatabase db) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MetaStore store = MySqlStore.builder(config(db)).meterRegistry(registry)
                .poolCustomizer(pool -> {
                    pool.setPoolName("builder-test-pool");
                    pool.setMaximumPoolSize(3);
                }).open()) {
            assertThat(store.jobs().save(job("customised", "1", JobStatus.CREATED))).isEqualTo(WriteOutcome.INSERTED);
            Gauge max = registry.find("hikaricp.connections.max").tag("pool", "builder-test-pool").gauge();
            assertThat(max).as("the pool's gauges in the given registry, under the customised name").isNotNull();
            assertThat(max.value()).isEqualTo(3.0);
            assertThat(registry.find("hikaricp.connections.acquire").tag("pool", "builder-test-pool").timer().count())
                    .as("connections acquired by the save").isPositive();
        }
    }

    @Test
    void withoutARegistryThePoolRecordsNoMetrics(TestDatabase db) {
        HikariConfig[] seen = new HikariConfig[1];
        try (MetaStore store = MySqlStore.builder(config(db)).poolCustomizer(pool -> seen[0] = pool).open()) {
            assertThat(store.jobs().save(job("unmeasured", "1", JobStatus.CREATED))).isEqualTo(WriteOutcome.INSERTED);
        }
        assertThat(seen[0].getMetricsTrackerFactory()).isNull();
        assertThat(seen[0].getMetricRegistry()).isNull();
    }

    @Test
    void refusesACustomizerThatChangesWhereThePoolConnectsNamingWhatButNoValue(TestDatabase db) {
        assertThatThrownBy(() -> MySqlStore.builder(config(db)).poolCustomizer(pool -> {
            pool.setJdbcUrl("jdbc:mysql://elsewhere:3306/other");
            pool.setPassword(SECRET);
        }).open())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbcUrl").hasMessageContaining("password")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("elsewhere");
    }

    @Test
    void refusesAPoolCustomizerOrRegistryBesideTheApplicationsDataSource() {
        MysqlDataSource unused = new MysqlDataSource();
        assertThatThrownBy(() -> MySqlStore.builder(NO_CONNECTION_SETTINGS).dataSource(unused)
                .poolCustomizer(pool -> pool.setMaximumPoolSize(2)).open())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dataSource(...)");
        assertThatThrownBy(() -> MySqlStore.builder(NO_CONNECTION_SETTINGS).dataSource(unused)
                .meterRegistry(new SimpleMeterRegistry()).open())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("instrument that one");
    }

    private static StorageConfig config(TestDatabase db) {
        return db.configBuilder().option(MySqlSettings.POOL_SIZE, "4").option(MySqlSettings.SSL_MODE, "DISABLED")
                .option(MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL, "true").build();
    }

    // an application's own pool, as it would build it from its own settings
    private static HikariDataSource applicationPool(TestDatabase db, String extraUrlParameters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("application");
        config.setJdbcUrl(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + extraUrlParameters);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    private static int count(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
