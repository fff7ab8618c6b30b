package io.kubedl.persist.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CONTAINER step's detection: which image, and why no container (no engine at
 * DOCKER_HOST, no socket, switched off) without loading Testcontainers' own discovery.
 */
class ContainerPathDetectionTest {

    @Test
    void theImageComesFromThePropertyThenTheEnvironmentThenTheDefault() {
        String before = System.getProperty("kubedl.test.mysql.image");
        try {
            System.clearProperty("kubedl.test.mysql.image");
            assertThat(TestServers.image(Map.of())).isEqualTo("mysql:8.4");
            assertThat(TestServers.image(Map.of("KUBEDL_TEST_MYSQL_IMAGE", "mysql:9.1"))).isEqualTo("mysql:9.1");
            System.setProperty("kubedl.test.mysql.image", "mysql:8.0");
            assertThat(TestServers.image(Map.of("KUBEDL_TEST_MYSQL_IMAGE", "mysql:9.1"))).isEqualTo("mysql:8.0");
        } finally {
            if (before == null) {
                System.clearProperty("kubedl.test.mysql.image");
            } else {
                System.setProperty("kubedl.test.mysql.image", before);
            }
        }
    }

    @Test
    void testcontainersIsOnTheKitsOwnTestClassPath() throws ClassNotFoundException {
        Class.forName("org.testcontainers.containers.MySQLContainer", false, getClass().getClassLoader());
    }

    @Test
    void aMissingSocketOrAClosedPortMeansNoEngine(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("docker.sock");
        assertThat(TestServers.whyNotContainer(Map.of("DOCKER_HOST", "unix://" + socket)))
                .isEqualTo("no Docker engine: " + socket + " does not exist");
        Files.createFile(socket); // a plain file where the socket should be: nothing listens
        assertThat(TestServers.whyNotContainer(Map.of("DOCKER_HOST", "unix://" + socket)))
                .startsWith("no Docker engine: " + socket + " refused a connection");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(TestServers.whyNotContainer(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closed)))
                .startsWith("no Docker engine: DOCKER_HOST tcp://127.0.0.1:" + closed + " refused a connection");
    }

    @Test
    void anEngineThatAcceptsConnectionsIsReachable() throws IOException {
        try (ServerSocket engine = new ServerSocket(0)) {
            assertThat(TestServers.whyNotContainer(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.getLocalPort())))
                    .isNull();
        }
    }

    @Test
    void thePropertyFalseSwitchesTheStepOff() {
        String before = System.getProperty("kubedl.test.docker");
        try {
            System.setProperty("kubedl.test.docker", "false");
            assertThat(TestServers.whyNotContainer(Map.of())).isEqualTo("-Dkubedl.test.docker=false");
        } finally {
            if (before == null) {
                System.clearProperty("kubedl.test.docker");
            } else {
                System.setProperty("kubedl.test.docker", before);
            }
        }
    }
}
