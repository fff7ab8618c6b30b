package io.kubedl.persist.mysql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host lists, session variables and extra driver properties: validated, never pasted into the URL unchecked. */
class MySqlClusterSettingsTest {
    private static StorageConfig.Builder base() {
        return StorageConfig.builder().database("kubedl").user("kubedl").password("pw-123456");
    }

    @Test
    void aHostListWithPerHostPortsBecomesAFailoverUrlThatStaysWritable() {
        MySqlSettings s = MySqlSettings.from(base().port(3307)
                .option("hosts", "galera-0.galera:3306, galera-1.galera,[fd00::2]:3310,10.0.0.4").build());
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mysql://galera-0.galera:3306,galera-1.galera:3307,[fd00::2]:3310,"
                + "10.0.0.4:3307/kubedl");
        assertThat(s.addresses()).extracting(HostAddress::port).containsExactly(3306, 3307, 3310, 3307);
        assertThat(s.host()).isEqualTo("galera-0.galera");
        assertThat(s.target()).startsWith("galera-0.galera:3306,galera-1.galera:3307,");
        assertThat(s.driverProperties()).containsEntry("failOverReadOnly", "false");
    }

    @Test
    void theHostListComesFromTheEnvironmentAndTheSecret() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_HOSTS", "db-0:3306,db-1:3306",
                "MYSQL_USER", "kubedl", "MYSQL_SESSION_VARIABLES", "wsrep_sync_wait=1",
                "MYSQL_DRIVER_PROPERTIES", "secondsBeforeRetrySource=10")).load();
        MySqlSettings s = MySqlSettings.from(config);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mysql://db-0:3306,db-1:3306/kubedl");
        assertThat(s.sessionVariables()).containsExactly(Map.entry("wsrep_sync_wait", "1"));
        assertThat(s.driverProperties()).containsEntry("secondsBeforeRetrySource", "10");
        assertThat(s.unknownOptions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"db/evil", "db?allowLoadLocalInfile=true", "db&x", "db=1", "a b", "db#frag", "user@db",
            "db'", "db\"", "db\nx", "db:3306", "db;x", "[::1"})
    void aHostWithUrlSyntaxIsAClearConfigurationError(String host) {
        assertThatThrownBy(() -> MySqlSettings.from(base().host(host).build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("host");
    }

    @Test
    void aListInTheHostFieldPointsToTheHostsOption() {
        assertThatThrownBy(() -> MySqlSettings.from(base().host("db-0:3306,db-1:3306").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("option hosts")
                .hasMessageContaining("MYSQL_HOSTS");
        assertThatThrownBy(() -> MySqlSettings.from(base().host("db-0").option("hosts", "db-1").build()))
                .hasMessageContaining("host and option hosts are both set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db-0:3306,db/1:3306", "db-0:3306,,db-1", "db-0:0", "db-0:65536", "db-0:33a",
            "db-0:3306?x=y", "fd00::1:3306", "[fd00::1]x", "db-0,db-0", "a=b"})
    void aBadHostListEntryIsNamed(String list) {
        assertThatThrownBy(() -> MySqlSettings.from(base().option("hosts", list).build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("hosts");
    }

    @Test
    void atMostSixteenHosts() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 17; i++) {
            names.add("h" + i);
        }
        assertThatThrownBy(() -> MySqlSettings.from(base().option("hosts", String.join(",", names)).build()))
                .hasMessageContaining("at most 16 hosts, was 17");
    }

    @Test
    void sessionVariablesAreValidatedAndRunAfterTheTimeZone() {
        MySqlSettings s = MySqlSettings.from(base().option("sessionVariables",
                "wsrep_sync_wait=1, group_replication_consistency=before").build());
        assertThat(s.connectionInitSql()).isEqualTo(
                "SET time_zone = '+00:00', wsrep_sync_wait = 1, group_replication_consistency = 'BEFORE'");
        assertThat(MySqlSettings.from(base().build()).connectionInitSql()).isEqualTo("SET time_zone = '+00:00'");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sessionVariables", "sql_mode=''").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'sql_mode' is not supported")
                .hasMessageContaining("wsrep_sync_wait");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sessionVariables", "wsrep_sync_wait=1; DROP TABLE x").build()))
                .hasMessageContaining("wsrep_sync_wait must be an integer between 0 and 15");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sessionVariables", "wsrep_sync_wait=16").build()))
                .hasMessageContaining("between 0 and 15, was '16'");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sessionVariables",
                "group_replication_consistency=BEFORE' OR '1").build()))
                .hasMessageContaining("group_replication_consistency must be one of");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("sessionVariables", "wsrep_sync_wait").build()))
                .hasMessageContaining("name=value");
    }

    @Test
    void driverPropertiesAddTuningButNeverOverrideTheProvidersOwn() {
        MySqlSettings s = MySqlSettings.from(base().option("driverProperties",
                "secondsBeforeRetrySource=5;queriesBeforeRetrySource=20").build());
        assertThat(s.driverProperties()).containsEntry("secondsBeforeRetrySource", "5")
                .containsEntry("queriesBeforeRetrySource", "20");
        for (String reserved : List.of("useAffectedRows=false", "failOverReadOnly=true",
                "allowLoadLocalInfile=true", "allowUrlInLocalInfile=true", "queryInterceptors=x.Y", "password=x", "sessionVariables=sql_mode=''",
                "sslMode=DISABLED", "connectionTimeZone=SERVER")) {
            assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", reserved).build()))
                    .as(reserved).isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot be overridden");
        }
        // Connector/J spells its keys exactly (a few have case-insensitive aliases): another spelling is unknown
        assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", "USEAFFECTEDROWS=false").build()))
                .hasMessageContaining("is not a Connector/J property");
        // Connector/J 9 dropped autoDeserialize: unknown to it, so refused as such
        assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", "autoDeserialize=true").build()))
                .hasMessageContaining("is not a Connector/J property");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", "noSuchProperty=1").build()))
                .hasMessageContaining("'noSuchProperty' is not a Connector/J property");
        assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", "connectionAttributes=a\tb").build()))
                .hasMessageContaining("printable ASCII").satisfies(e -> assertThat(e.getMessage()).doesNotContain("a\tb"));
        assertThatThrownBy(() -> MySqlSettings.from(base().option("driverProperties", "justakey").build()))
                .hasMessageContaining("key=value");
    }
}
