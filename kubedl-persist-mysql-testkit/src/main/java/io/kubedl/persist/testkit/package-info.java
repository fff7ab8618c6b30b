/**
 * A real MySQL-family server for tests, demos and benchmarks.
 * {@link io.kubedl.persist.testkit.TestServers#shared()} resolves one server per JVM:
 * an external server named by {@code KUBEDL_TEST_MYSQL_URL}, else MySQL in
 * Testcontainers when a Docker engine is reachable, else an embedded MariaDB.
 * Tests create their own databases on it with
 * {@link io.kubedl.persist.testkit.TestServer#createDatabase(String)}.
 */
package io.kubedl.persist.testkit;
