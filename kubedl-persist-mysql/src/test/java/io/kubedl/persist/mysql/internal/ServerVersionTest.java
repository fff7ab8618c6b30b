package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version strings as real servers announce them (SELECT VERSION()), and which ones open refuses. */
class ServerVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // MySQL community images and distributions
            "8.0.40, MySQL, 8, 0, 40, true",
            "8.4.3, MySQL, 8, 4, 3, true",
            "9.1.0, MySQL, 9, 1, 0, true",
            "8.0.36-0ubuntu0.22.04.1, MySQL, 8, 0, 36, true",
            "8.0.28-google, MySQL, 8, 0, 28, true",
            "5.7.44-log, MySQL, 5, 7, 44, false",
            "5.6.51, MySQL, 5, 6, 51, false",
            // MariaDB: Debian package, official image, the 5.5.5- prefix of servers before 11, old releases
            "10.11.19-MariaDB-0+deb12u1, MariaDB, 10, 11, 19, true",
            "11.4.3-MariaDB-ubu2404, MariaDB, 11, 4, 3, true",
            "5.5.5-10.6.12-MariaDB-log, MariaDB, 10, 6, 12, true",
            "10.6.5-MariaDB-1:10.6.5+maria~focal, MariaDB, 10, 6, 5, true",
            "10.5.23-MariaDB, MariaDB, 10, 5, 23, false",
            "10.4.32-MariaDB-log, MariaDB, 10, 4, 32, false",
            // TiDB announces the MySQL version it speaks
            "8.0.11-TiDB-v7.5.1, TiDB, 8, 0, 11, true",
            "5.7.25-TiDB-v6.1.0, TiDB, 5, 7, 25, false"})
    void realVersionStringsAreParsed(String announced, String flavour, int major, int minor, int patch, boolean ok) {
        ServerVersion v = ServerVersion.parse(announced);
        assertThat(v.flavour()).isEqualTo(flavour);
        assertThat(v.major()).isEqualTo(major);
        assertThat(v.minor()).isEqualTo(minor);
        assertThat(v.patch()).isEqualTo(patch);
        assertThat(v.isSupported()).isEqualTo(ok);
        if (ok) {
            v.requireSupported("db:3306/kubedl as kubedl");
        } else {
            assertThatThrownBy(() -> v.requireSupported("db:3306/kubedl as kubedl"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("server " + flavour + " " + major + "." + minor + "." + patch)
                    .hasMessageContaining("needs MySQL 8.0 or newer, or MariaDB 10.6 or newer");
        }
    }

    @ParameterizedTest
    @CsvSource({"''", "unknown"})
    void aStringWithoutAVersionIsAClearError(String announced) {
        assertThatThrownBy(() -> ServerVersion.parse(announced)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot tell the server's version");
    }
}
