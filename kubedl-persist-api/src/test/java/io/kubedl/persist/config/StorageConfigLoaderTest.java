package io.kubedl.persist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigLoaderTest {

    @TempDir
    Path secret;

    private void secretFile(String key, String value) throws IOException {
        Files.writeString(secret.resolve(key), value);
    }

    @Test
    void p2_defaultsAreLocalhost3306Kubedl() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of()).load();
        assertThat(config.host()).isEmpty();
        assertThat(config.port()).isEmpty();
        assertThat(config.database()).isEmpty();
        assertThat(config.region()).isEmpty();
        assertThat(config.storage()).isEmpty();
        assertThat(config.user()).isEmpty();
    }

    @Test
    void p2_secretFilesUseTheSeedKeys() throws IOException {
        secretFile("host", "my.host.com\n");
        secretFile("dbName", "kubedl");
        secretFile("user", "kubedl-user");
        secretFile("password", "this-is-me\n");
        secretFile("port", "3307");
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of()).secretDirectory(secret).load();
        assertThat(config.host()).contains("my.host.com");
        assertThat(config.port()).hasValue(3307);
        assertThat(config.user()).contains("kubedl-user");
        assertThat(config.password()).contains("this-is-me");
    }

    @Test
    void p2_envWinsOverSecretFiles() throws IOException {
        secretFile("host", "from-secret");
        secretFile("user", "secret-user");
        StorageConfigLoader loader = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_HOST", "from-env"))
                .secretDirectory(secret);
        StorageConfig config = loader.load();
        assertThat(config.host()).contains("from-env");
        assertThat(config.user()).contains("secret-user");
        assertThat(loader.sourceOf("host")).isEqualTo(ConfigSource.ENV);
        assertThat(loader.sourceOf("user")).isEqualTo(ConfigSource.SECRET_FILES);
        assertThat(loader.sourceOf("port")).isEqualTo(ConfigSource.DEFAULTS);
    }

    @Test
    void p2_flagsWinOverEnvAndCodeWinsOverFlags() {
        Map<String, String> env = Map.of("REGION", "env-region", "MYSQL_DB_NAME", "envdb");
        StorageConfigLoader loader = StorageConfigLoader.fromEnvironment(env)
                .flags("--meta-storage", "mysql", "--region=flag-region");
        assertThat(loader.load().region()).isEqualTo("flag-region");
        assertThat(loader.load().database()).contains("envdb");
        assertThat(loader.set("region", "code-region").load().region()).isEqualTo("code-region");
        assertThat(loader.sourceOf("region")).isEqualTo(ConfigSource.CODE);
        assertThat(loader.load().storage()).contains("mysql");
    }

    @Test
    void p2_allSeedEnvVarsAreRead() {
        Map<String, String> env = Map.of("MYSQL_HOST", "db", "MYSQL_PORT", "13306", "MYSQL_DB_NAME", "meta",
                "MYSQL_USER", "u", "MYSQL_PASSWORD", "p", "REGION", "cn-beijing");
        StorageConfig config = StorageConfigLoader.fromEnvironment(env).load();
        assertThat(config.host()).contains("db");
        assertThat(config.port()).hasValue(13306);
        assertThat(config.database()).contains("meta");
        assertThat(config.user()).contains("u");
        assertThat(config.password()).contains("p");
        assertThat(config.region()).isEqualTo("cn-beijing");
    }

    @Test
    void otherMysqlEnvVarsBecomeCamelCaseOptions() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(
                Map.of("MYSQL_SSL_MODE", "REQUIRED", "MYSQL_POOL_SIZE", "4", "PATH", "/bin")).load();
        assertThat(config.options()).containsEntry("sslMode", "REQUIRED").containsEntry("poolSize", "4").hasSize(2);
    }

    @Test
    void unknownControllerFlagsAreIgnored() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of())
                .flags("--workers", "4", "--meta-storage=memory", "-v", "--storage-option", "poolSize=8").load();
        assertThat(config.storage()).contains("memory");
        assertThat(config.option("poolSize")).contains("8");
    }

    @Test
    void flagWithoutValueIsAClearError() {
        assertThatThrownBy(() -> StorageConfigLoader.fromEnvironment(Map.of()).flags("--meta-storage"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("flag --meta-storage needs a value");
        assertThatThrownBy(() -> StorageConfigLoader.fromEnvironment(Map.of()).flags("--region", "--meta-storage", "x"))
                .hasMessage("flag --region needs a value");
        assertThatThrownBy(() -> StorageConfigLoader.fromEnvironment(Map.of()).flags("--storage-option", "novalue"))
                .hasMessageContaining("key=value");
    }

    @Test
    void badPortNamesTheSourceAndNeverThePassword() {
        Map<String, String> env = Map.of("MYSQL_PORT", "33o6", "MYSQL_PASSWORD", "hunter2");
        assertThatThrownBy(() -> StorageConfigLoader.fromEnvironment(env).load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'33o6'")
                .hasMessageContaining("ENV")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void missingSecretDirectoryIsNotAnError() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of())
                .secretDirectory(secret.resolve("absent")).load();
        assertThat(config.host()).isEmpty();
    }

    @Test
    void kubernetesSecretMountInternalsAreSkipped() throws IOException {
        Files.createDirectory(secret.resolve("..2026_11_24"));
        secretFile("..data", "ignored");
        secretFile("sslMode", "VERIFY_CA\n");
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of()).secretDirectory(secret).load();
        assertThat(config.options()).containsOnlyKeys("sslMode");
    }

    @Test
    void optionNamesAreCamelCase() {
        assertThat(StorageConfigLoader.optionName("SSL_MODE")).isEqualTo("sslMode");
        assertThat(StorageConfigLoader.optionName("CONNECT_TIMEOUT_MS")).isEqualTo("connectTimeoutMs");
        assertThat(StorageConfigLoader.optionName("_X")).isEqualTo("x");
    }

    /**
     * Issue 12 item 7: the variables kubelet sets in every pod of a namespace with a Service
     * named {@code mysql} (cluster IP 10.96.0.7, port 3306 named "mysql"), beside the seed
     * Deployment's env (which does not set MYSQL_PORT).
     */
    private static Map<String, String> podEnvWithMysqlServiceLink(String linkPort) {
        return Map.ofEntries(Map.entry("MYSQL_HOST", "mysql.kubedl-system"), Map.entry("MYSQL_DB_NAME", "kubedl"),
                Map.entry("MYSQL_USER", "kubedl"), Map.entry("MYSQL_PASSWORD", "pw"),
                Map.entry("MYSQL_PORT", "tcp://10.96.0.7:" + linkPort),
                Map.entry("MYSQL_PORT_" + linkPort + "_TCP", "tcp://10.96.0.7:" + linkPort),
                Map.entry("MYSQL_PORT_" + linkPort + "_TCP_PROTO", "tcp"),
                Map.entry("MYSQL_PORT_" + linkPort + "_TCP_PORT", linkPort),
                Map.entry("MYSQL_PORT_" + linkPort + "_TCP_ADDR", "10.96.0.7"),
                Map.entry("MYSQL_SERVICE_HOST", "10.96.0.7"),
                Map.entry("MYSQL_SERVICE_PORT", linkPort),
                Map.entry("MYSQL_SERVICE_PORT_MYSQL", linkPort));
    }

    @Test
    void p2_aKubernetesServiceLinkInMysqlPortGivesItsPort() {
        StorageConfigLoader loader = StorageConfigLoader.fromEnvironment(podEnvWithMysqlServiceLink("13306"));
        StorageConfig config = loader.load();
        assertThat(config.port()).hasValue(13306);
        assertThat(loader.sourceOf("port")).isEqualTo(ConfigSource.SERVICE_LINK);
        assertThat(config.host()).contains("mysql.kubedl-system");
        assertThat(config.options()).as("service-link variables are not options").isEmpty();
    }

    @Test
    void p2_theSecretsPortAndANumericMysqlPortWinOverAServiceLink() throws IOException {
        secretFile("port", "3307");
        StorageConfigLoader fromSecret = StorageConfigLoader.fromEnvironment(podEnvWithMysqlServiceLink("3306"))
                .secretDirectory(secret);
        assertThat(fromSecret.load().port()).hasValue(3307);
        assertThat(fromSecret.sourceOf("port")).isEqualTo(ConfigSource.SECRET_FILES);
        StorageConfigLoader numeric = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_PORT", "3308"));
        assertThat(numeric.load().port()).hasValue(3308);
        assertThat(numeric.sourceOf("port")).isEqualTo(ConfigSource.ENV);
    }

    @Test
    void p2_aMysqlPortThatIsNeitherANumberNorAServiceLinkIsStillRefused() {
        assertThatThrownBy(() -> StorageConfigLoader.fromEnvironment(Map.of("MYSQL_PORT", "http://x/3306")).load())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("port must be a number");
    }
}
