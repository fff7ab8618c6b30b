package io.kubedl.persist.testkit;

import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MySQL in a Testcontainers container. Only loaded after {@link TestServers} has
 * checked that Testcontainers is on the class path and a Docker engine answers.
 */
final class ContainerServer extends JdbcTestServer {
    private static final String PASSWORD = "kubedl-test";
    private final MySQLContainer<?> container;

    private ContainerServer(MySQLContainer<?> container) {
        this.container = container;
    }

    static ContainerServer start(String image) {
        MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse(image).asCompatibleSubstituteFor("mysql"))
                .withUsername("root").withPassword(PASSWORD)
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kubedl-test-mysql-container-stop"));
        return new ContainerServer(container);
    }

    @Override public TestServerKind kind() { return TestServerKind.CONTAINER; }
    @Override public String host() { return container.getHost(); }
    @Override public int port() { return container.getMappedPort(MySQLContainer.MYSQL_PORT); }
    @Override public String user() { return "root"; }
    @Override public String password() { return PASSWORD; }
}
