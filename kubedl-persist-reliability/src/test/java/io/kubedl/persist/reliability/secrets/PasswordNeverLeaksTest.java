package io.kubedl.persist.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.reliability.logging.CapturingAppender;
import io.kubedl.persist.reliability.logging.LogRecording;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 8 item 6 (rule P3): a full store lifecycle at DEBUG, with a user whose
 * password is random and full of URL metacharacters: open and migrate, writes,
 * reads, refused input, killed connections and the retried write, write-behind, a
 * failed open against a closed port, a wrong password, an unknown database, and
 * close. Every log line (all loggers, DEBUG and up, throwables with their causes and
 * stacks), every toString and every exception text MUST be free of the password,
 * and of the trust-store password given as an option.
 */
class PasswordNeverLeaksTest {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordNeverLeaksTest.class);
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void passwordIsInNoLogLineToStringOrExceptionOfAFullLifecycle() throws Exception {
        List<String> texts = new ArrayList<>();
        try (TestDatabase database = TestServers.shared().createDatabase("reliability_secrets")) {
            Optional<DatabaseUsers.User> created = DatabaseUsers.create(database, "ALL PRIVILEGES");
            assumeTrue(created.isPresent(), "the test kit's user on " + database.server()
                    + " may not create users; the leak check needs a user with a password");
            DatabaseUsers.User user = created.get();
            try (LogRecording log = LogRecording.start()) {
                String password = user.password();
                StorageConfig config = database.configBuilder().user(user.name()).password(password)
                        .option(LeastPrivilegeTest.PUBLIC_KEY, "true").build();
                texts.add(config.toString());
                texts.add(MySqlSettings.from(config).toString());
                texts.add(new MySqlProvider().toString());
                // the same password loaded the way a controller loads it: env vars
                StorageConfig fromEnv = StorageConfigLoader.fromEnvironment(Map.of("MYSQL_HOST", database.host(),
                        "MYSQL_PORT", Integer.toString(database.port()), "MYSQL_DB_NAME", database.name(),
                        "MYSQL_USER", user.name(), "MYSQL_PASSWORD", password, "MYSQL_ALLOW_PUBLIC_KEY_RETRIEVAL", "true"))
                        .flags("--meta-storage", "mysql").load();
                texts.add(fromEnv.toString());

                try (MetaStore store = MetaStorage.open(config)) {
                    texts.add(store.toString());
                    texts.add(store.jobs().toString());
                    texts.add(store.pods().toString());
                    exercise(store, database, texts);
                }
                try (MetaStore again = MetaStorage.open(fromEnv)) {
                    texts.add(again.toString());
                }
                int closedPort = closedPort();
                texts.add(failureText(() -> MetaStorage.open(config.toBuilder().host("127.0.0.1").port(closedPort)
                        .option("connectTimeoutMs", "500").build())));
                texts.add(failureText(() -> MetaStorage.open(config.toBuilder().password(password + "-wrong").build())));
                texts.add(failureText(() -> MetaStorage.open(config.toBuilder().database(database.name() + "_missing")
                        .build())));
                texts.add(failureText(() -> MetaStorage.open(config.toBuilder().option("sslMode", "bogus").build())));

                List<LogRecording.Line> lines = log.lines();
                long debug = lines.stream().filter(l -> l.level().equals("DEBUG")).count();
                LOG.info("SECRETS lifecycle: {} log lines captured ({} at DEBUG) from {} loggers, {} toString and"
                        + " exception texts checked; password in none: {}", lines.size(), debug,
                        lines.stream().map(LogRecording.Line::logger).distinct().count(), texts.size(),
                        !log.text().contains(password));
                assertThat(debug).as("DEBUG lines captured: the capture really ran at DEBUG").isPositive();
                assertThat(log.text()).as("the lifecycle was logged").contains("open").contains("closed");
                assertThat(log.text()).as("log of the lifecycle").doesNotContain(password);
                for (String text : texts) {
                    assertThat(text).doesNotContain(password);
                }
            }
        }
    }

    /**
     * The option sslTrustStorePassword (env MYSQL_SSL_TRUST_STORE_PASSWORD) is a secret
     * too: StorageConfig and MySqlSettings mask it; it MUST NOT reach a log line either.
     */
    @Test
    void trustStorePasswordIsInNoLogLineOrToString() {
        String trustStorePassword = "TsPw;&=" + Long.toHexString(System.nanoTime()) + "?z";
        CapturingAppender.registerSecret(trustStorePassword);
        try (TestDatabase database = TestServers.shared().createDatabase("reliability_truststore");
                LogRecording log = LogRecording.start()) {
            // the server offers no TLS (or PREFERRED negotiates it without verifying): the file is never read
            StorageConfig config = database.configBuilder().option("sslMode", "PREFERRED")
                    .option("sslTrustStore", "file:/nonexistent/kubedl-truststore.p12")
                    .option("sslTrustStorePassword", trustStorePassword).build();
            assertThat(config.toString()).doesNotContain(trustStorePassword);
            assertThat(MySqlSettings.from(config).toString()).doesNotContain(trustStorePassword);
            try (MetaStore store = MetaStorage.open(config)) {
                assertThat(store.toString()).doesNotContain(trustStorePassword);
            }
            List<String> leaking = log.lines().stream().map(LogRecording.Line::text)
                    .filter(t -> t.contains(trustStorePassword)).toList();
            assertThat(leaking).as("log lines holding the trust-store password").isEmpty();
        }
    }

    private static void exercise(MetaStore store, TestDatabase database, List<String> texts) throws Exception {
        JobRecord job = JobRecord.builder().jobId("secret-job").name("mnist").namespace("default").kind("TFJob")
                .version("10").status(JobStatus.RUNNING).gmtCreated(T0).gmtModified(T0).build();
        assertThat(store.jobs().save(job)).isEqualTo(WriteOutcome.INSERTED);
        store.pods().saveAll(List.of(PodRecord.builder().podId("secret-pod").name("mnist-worker-0").namespace("default")
                .jobId("secret-job").version("11").gmtCreated(T0).build()));
        store.jobs().list(JobQuery.builder().nameContains("mn").build());
        store.pods().list(PodQuery.ofJob("secret-job"));
        texts.add(failureText(() -> store.jobs().save(job.toBuilder().name("x".repeat(300)).build())));
        texts.add(failureText(() -> store.jobs().list(JobQuery.builder().pageToken("forged").build())));
        texts.add(failureText(() -> store.jobs().delete(job.key())));
        // lost connections: the next call usually fails (logged by the pool with its stack; the pool may also
        // notice the dead connection first and open a new one), a retry succeeds
        database.killConnections();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                store.jobs().save(job.withVersion("12"));
                break;
            } catch (RuntimeException e) {
                texts.add(stackText(e));
            }
        }
        try (WriteBehindStore writeBehind = WriteBehindStore.wrap(store, WriteBehindOptions.builder().name("secrets")
                .build())) {
            writeBehind.submit(job.withVersion("13"));
            writeBehind.markRemoved(job.key(), T0.plusSeconds(5));
            writeBehind.flush();
            texts.add(writeBehind.toString());
        }
        assertThat(store.jobs().delete(job.key())).isTrue();
    }

    /** @return the full text of what the call threw: class, message, causes, suppressed, stack */
    private static String failureText(Runnable call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).as("the call was expected to fail").isNotNull();
        return stackText(t);
    }

    private static String stackText(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
