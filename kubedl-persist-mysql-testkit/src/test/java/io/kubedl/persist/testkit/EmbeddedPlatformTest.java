package io.kubedl.persist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded MariaDB's platform decision, from injected os.name and os.arch. */
class EmbeddedPlatformTest {

    @ParameterizedTest
    @CsvSource({"Linux, amd64", "Linux, x86_64", "linux, AMD64"})
    void linuxX8664RunsTheEmbeddedServer(String osName, String osArch) {
        assertThat(EmbeddedPlatform.whyUnsupported(osName, osArch)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Mac OS X, aarch64", "Mac OS X, x86_64", "Windows 11, amd64", "Linux, aarch64", "Linux, arm",
            "FreeBSD, amd64", "SunOS, sparcv9"})
    void everyOtherPlatformGetsOneLineNamingTheWaysOut(String osName, String osArch) {
        assertThat(EmbeddedPlatform.whyUnsupported(osName, osArch)).hasValueSatisfying(message -> assertThat(message)
                .contains("Linux x86-64 only", osName + " " + osArch, "KUBEDL_TEST_MYSQL_URL", "MYSQL_HOST",
                        "--meta-storage sqlite")
                .doesNotContain("\n"));
    }

    @Test
    void withoutAServerUrlOrDockerAnUnsupportedPlatformFailsAtOnceWithThatLineAndNoStackOfMariaDb4j() {
        // DOCKER_HOST on a closed port: no container, whatever this machine has
        Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:1");
        String why = EmbeddedPlatform.whyUnsupported("Mac OS X", "aarch64").orElseThrow();
        assertThatThrownBy(() -> TestServers.resolve(env, EmbeddedPlatform.whyUnsupported("Mac OS X", "aarch64")))
                .isInstanceOf(IllegalStateException.class)
                .hasNoCause()
                .hasMessageContaining(why)
                .hasMessageContaining("no container either")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
