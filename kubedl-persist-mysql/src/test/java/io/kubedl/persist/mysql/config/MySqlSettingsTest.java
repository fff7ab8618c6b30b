package io.kubedl.persist.mysql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pure mapping from configuration to driver properties (no server needed). */
class MySqlSettingsTest {
    private static final String SECRET = "s3cr3t-pa55";

    private static StorageConfig.Builder base() {
        return StorageConfig.builder().host("db.example").database("kubedl").user("kubedl").password(SECRET);
    }

    @Test
    void defaultsAreTheDocumentedTunedDriverProperties() {
        MySqlSettings s = MySqlSettings.from(base().build());
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mysql://db.example:3306/kubedl");
        assertThat(s.driverProperties()).contains(
                Map.entry("cachePrepStmts", "true"), Map.entry("prepStmtCacheSize", "250"),
                Map.entry("prepStmtCacheSqlLimit", "4096"), Map.entry("useServerPrepStmts", "false"),
                Map.entry("rewriteBatchedStatements", "true"), Map.entry("useLocalSessionState", "true"),
                Map.entry("useAffectedRows", "true"), Map.entry("connectionTimeZone", "UTC"),
                Map.entry("characterEncoding", "UTF-8"), Map.entry("connectionCollation", "utf8mb4_bin"),
                Map.entry("connectTimeout", "5000"), Map.entry("socketTimeout", "60000"),
                Map.entry("sslMode", "PREFERRED"), Map.entry("allowLoadLocalInfile", "false"),
                Map.entry("allowPublicKeyRetrieval", "false"));
        assertThat(s.driverProperties()).doesNotContainKey("cacheServerConfiguration");
        assertThat(s.poolSize()).isEqualTo(10);
        assertThat(s.migration()).isEqualTo(MigrationMode.MIGRATE);
        assertThat(s.purgeBatchSize()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(SslMode.class)
    void everyTlsModeReachesTheDriver(SslMode mode) {
        MySqlSettings s = MySqlSettings.from(base().option("sslMode", mode.name().toLowerCase().replace('_', '-')).build());
        assertThat(s.sslMode()).isEqualTo(mode);
        assertThat(s.driverProperties()).containsEntry("sslMode", mode.name());
    }

    @Test
    void trustStoreOptionsMapToConnectorJAndAreMasked() {
        MySqlSettings s = MySqlSettings.from(base().option("sslMode", "VERIFY_CA").option("sslTrustStore", "/etc/ca.p12")
                .option("sslTrustStorePassword", "store-pass-1").build());
        assertThat(s.driverProperties()).containsEntry("trustCertificateKeyStoreUrl", "file:/etc/ca.p12")
                .containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("trustCertificateKeyStorePassword", "store-pass-1");
        assertThat(s.toString()).doesNotContain("store-pass-1").doesNotContain(SECRET).contains("****");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sslCa", "/ca.pem").option("sslTrustStore", "/x").build()))
                .hasMessageContaining("sslCa and sslTrustStore");
    }

    @Test
    void p3_passwordIsNeverAmongTheDriverPropertiesOrInToString() {
        MySqlSettings s = MySqlSettings.from(base().build());
        assertThat(s.driverProperties().values()).noneMatch(v -> v.contains(SECRET));
        assertThat(s.toString()).doesNotContain(SECRET);
        assertThat(s.jdbcUrl()).doesNotContain(SECRET);
        assertThat(s.password()).isEqualTo(SECRET);
    }

    @Test
    void p2_seedEnvironmentVariablesBecomeSettings() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_HOST", "mysql.kubedl-system",
                "MYSQL_PORT", "3307", "MYSQL_DB_NAME", "meta", "MYSQL_USER", "kubedl", "MYSQL_PASSWORD", SECRET,
                "MYSQL_SSL_MODE", "VERIFY_IDENTITY", "MYSQL_POOL_SIZE", "4", "REGION", "cn-east"))
                .flags("--meta-storage", "mysql").load();
        MySqlSettings s = MySqlSettings.from(config);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mysql://mysql.kubedl-system:3307/meta");
        assertThat(s.user()).isEqualTo("kubedl");
        assertThat(s.sslMode()).isEqualTo(SslMode.VERIFY_IDENTITY);
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.region()).isEqualTo("cn-east");
        assertThat(s.unknownOptions()).isEmpty();
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheAcceptedValues() {
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sslMode", "sometimes").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sslMode")
                .hasMessageContaining("DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("poolSize", "0").build()))
                .hasMessageContaining("poolSize must be between 1 and 200");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("migration", "yolo").build()))
                .hasMessageContaining("migrate, validate, skip");
        assertThatThrownBy(() -> MySqlSettings.from(base().user(null).build())).hasMessageContaining("MYSQL_USER");
        assertThatThrownBy(() -> MySqlSettings.from(base().database("a/b?x=1").build())).hasMessageContaining("dbName");
        assertThat(MySqlSettings.from(base().option("colour", "blue").build()).unknownOptions()).containsExactly("colour");
    }

    @Test
    void ipv6HostsAreBracketed() {
        assertThat(MySqlSettings.from(base().host("::1").build()).jdbcUrl()).isEqualTo("jdbc:mysql://[::1]:3306/kubedl");
    }
}
