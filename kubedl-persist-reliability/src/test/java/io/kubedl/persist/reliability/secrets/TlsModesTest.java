package io.kubedl.persist.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.mysql.config.SslMode;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 8 item 6, TLS: every mode of option sslMode (env MYSQL_SSL_MODE) reaches
 * Connector/J as its own {@code sslMode} property through the provider's pure
 * config-to-driver mapping ({@link MySqlSettings}); trust stores reach it too; a bad
 * mode is refused naming the accepted ones; and against a server without TLS (the
 * embedded MariaDB has none) REQUIRED fails to open with a clear message while
 * DISABLED and PREFERRED open. On a server with TLS, REQUIRED opens.
 */
class TlsModesTest {
    private static final Logger LOG = LoggerFactory.getLogger(TlsModesTest.class);

    private static StorageConfig.Builder base() {
        return StorageConfig.builder().storage("mysql").host("db.example").port(3306).database("kubedl").user("kubedl")
                .password("not-used-here");
    }

    @ParameterizedTest
    @EnumSource(SslMode.class)
    void everyModeReachesTheDriverAsItsSslModeProperty(SslMode mode) {
        // written as an operator would: lower case, '-' for '_'
        String written = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
        MySqlSettings settings = MySqlSettings.from(base().option("sslMode", written).build());
        assertThat(settings.sslMode()).isEqualTo(mode);
        assertThat(settings.driverProperties()).containsEntry("sslMode", mode.name());
        assertThat(settings.jdbcUrl()).as("TLS is set by property, not hidden in the URL").doesNotContain("ssl");
    }

    @Test
    void defaultModeIsPreferred() {
        assertThat(MySqlSettings.from(base().build()).driverProperties()).containsEntry("sslMode", "PREFERRED");
    }

    @Test
    void envVarsSetModeAndTrustStore() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_USER", "kubedl", "MYSQL_SSL_MODE",
                "VERIFY_IDENTITY", "MYSQL_SSL_TRUST_STORE", "/etc/kubedl/ca.p12", "MYSQL_SSL_TRUST_STORE_TYPE", "JKS"))
                .load();
        Map<String, String> driver = MySqlSettings.from(config).driverProperties();
        assertThat(driver).containsEntry("sslMode", "VERIFY_IDENTITY")
                .containsEntry("trustCertificateKeyStoreUrl", "file:/etc/kubedl/ca.p12")
                .containsEntry("trustCertificateKeyStoreType", "JKS");
    }

    @Test
    void unknownModeIsRefusedNamingTheAcceptedOnes() {
        Throwable t = catchThrowable(() -> MySqlSettings.from(base().option("sslMode", "on").build()));
        assertThat(t).isInstanceOf(ConfigurationException.class).hasMessageContaining("sslMode")
                .hasMessageContaining("DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY").hasMessageContaining("'on'");
    }

    @Test
    void missingCaFileIsRefusedNamingTheOption() {
        Throwable t = catchThrowable(() -> MetaStorage.open(base().option("sslMode", "VERIFY_CA")
                .option("sslCa", "/nonexistent/ca.pem").build()));
        assertThat(t).isInstanceOf(ConfigurationException.class).hasMessageContaining("sslCa")
                .hasMessageContaining("/nonexistent/ca.pem");
    }

    @Test
    void requiredAndVerifyAgainstAServerWithoutTlsAreConfigurationErrorsWhileDisabledAndPreferredOpen() throws Exception {
        try (TestDatabase database = TestServers.shared().createDatabase("reliability_tls")) {
            boolean serverHasTls = serverHasTls(database);
            for (SslMode mode : new SslMode[] {SslMode.DISABLED, SslMode.PREFERRED}) {
                try (MetaStore store = MetaStorage.open(database.configBuilder().option("sslMode", mode.name()).build())) {
                    assertThat(store.jobs().get(JobRecord.builder().jobId("x").name("x").namespace("x").kind("K")
                            .version("1").gmtCreated(Instant.EPOCH).build().key())).isEmpty();
                }
            }
            StorageConfig required = database.configBuilder().option("sslMode", "REQUIRED").build();
            if (serverHasTls) {
                try (MetaStore store = MetaStorage.open(required)) {
                    LOG.info("TLS: {} offers TLS; REQUIRED opened {}", database.server(), store);
                }
                return;
            }
            // a TLS mode the server cannot satisfy is a configuration problem: retrying never fixes it
            for (SslMode mode : new SslMode[] {SslMode.REQUIRED, SslMode.VERIFY_CA, SslMode.VERIFY_IDENTITY}) {
                StorageConfig config = database.configBuilder().option("sslMode", mode.name()).build();
                Throwable t = catchThrowable(() -> MetaStorage.open(config).close());
                LOG.info("TLS: {} against {} (no TLS) failed with: {}", mode, database.server(), String.valueOf(t));
                assertThat(t).isInstanceOf(ConfigurationException.class)
                        .isNotInstanceOf(TransientPersistException.class)
                        .hasMessageContaining("host " + database.host())
                        .hasMessageContaining("port " + database.port())
                        .hasMessageContaining("database " + database.name())
                        .hasMessageContaining("TLS " + mode.name());
                assertThat(t.getMessage().toLowerCase(Locale.ROOT)).as("the driver's reason is kept").containsAnyOf("ssl", "tls");
            }
        }
    }

    private static boolean serverHasTls(TestDatabase database) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE 'have_ssl'")) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString(2));
        }
    }
}
