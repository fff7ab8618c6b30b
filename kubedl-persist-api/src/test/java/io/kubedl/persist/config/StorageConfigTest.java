package io.kubedl.persist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void p3_toStringNeverShowsThePassword() {
        StorageConfig config = StorageConfig.builder().storage("mysql").user("kubedl").password("s3cr3t-pw")
                .option("sslPassword", "ks-pass").option("sslMode", "REQUIRED").build();
        assertThat(config.toString())
                .doesNotContain("s3cr3t-pw")
                .doesNotContain("ks-pass")
                .contains("password=****")
                .contains("sslMode=REQUIRED")
                .contains("user=kubedl");
        assertThat(config.password()).contains("s3cr3t-pw");
    }

    @Test
    void p3_unsetPasswordIsShownAsUnset() {
        assertThat(StorageConfig.builder().build().toString()).contains("password=<unset>");
    }

    @Test
    void portOutOfRangeNamesThePropertyAndTheLimit() {
        assertThatThrownBy(() -> StorageConfig.builder().port(70000).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("port must be between 1 and 65535, was 70000");
    }

    @Test
    void blankHostIsRefused() {
        assertThatThrownBy(() -> StorageConfig.builder().host(" ").build()).hasMessageContaining("host must not be blank");
    }

    @Test
    void addressIsUnsetUntilConfiguredSoTheProviderChoosesItsDefaults() {
        StorageConfig config = StorageConfig.builder().build();
        assertThat(config.host()).isEmpty();
        assertThat(config.port()).isEmpty();
        assertThat(config.database()).isEmpty();
    }

    @Test
    void intOptionValidatesRange() {
        StorageConfig config = StorageConfig.builder().option("poolSize", "0").option("timeout", "abc").build();
        assertThatThrownBy(() -> config.intOption("poolSize", 8, 1, 64))
                .hasMessage("option poolSize must be between 1 and 64, was 0");
        assertThatThrownBy(() -> config.intOption("timeout", 8, 1, 64)).hasMessageContaining("'abc'");
        assertThat(config.intOption("absent", 8, 1, 64)).isEqualTo(8);
    }

    @Test
    void toBuilderKeepsEverySetting() {
        StorageConfig config = StorageConfig.builder().storage("mysql").region("r").host("h").port(1).database("d")
                .user("u").password("p").option("a", "b").build();
        StorageConfig copy = config.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.password()).isEqualTo(config.password());
        assertThat(config.toBuilder().option("a", null).build().options()).isEmpty();
    }
}
