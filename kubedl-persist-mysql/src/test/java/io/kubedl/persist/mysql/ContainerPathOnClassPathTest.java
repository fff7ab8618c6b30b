package io.kubedl.persist.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The test kit's CONTAINER path needs Testcontainers on this module's test class path
 * (it is optional in the kit): without it "real MySQL 8.x when Docker is reachable"
 * silently never happened.
 */
class ContainerPathOnClassPathTest {
    @Test
    void testcontainersMySqlIsOnTheTestClassPath() throws ClassNotFoundException {
        Class<?> container = Class.forName("org.testcontainers.containers.MySQLContainer", false,
                getClass().getClassLoader());
        assertThat(container.getName()).isEqualTo("org.testcontainers.containers.MySQLContainer");
    }
}
