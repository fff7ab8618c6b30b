package io.kubedl.persist.galera;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A three-node MariaDB Galera cluster on loopback, started from the machine's own
 * {@code mariadbd} and galera-4 packages: each node has its own data directory under
 * one temporary directory and its own client, group-communication, IST and SST ports.
 * Nodes run as the {@code mysql} user when the JVM is root (mariadbd refuses root, and
 * the rsync state transfer runs as the server's user). The first node bootstraps the
 * cluster ({@code --wsrep-new-cluster}); the others join it by state snapshot transfer
 * (rsync). {@link #kill} is {@code kill -9}; {@link #restart} recovers the node's
 * position first ({@code --wsrep-recover}, as the distribution's service does), so it
 * rejoins by incremental state transfer when the donor's gcache still holds the gap.
 */
final class GaleraCluster implements AutoCloseable {
    static final String MARIADBD = "/usr/sbin/mariadbd";
    static final String INSTALL_DB = "/usr/bin/mariadb-install-db";
    static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";
    private static final Logger LOG = LoggerFactory.getLogger(GaleraCluster.class);
    private static final Pattern RECOVERED = Pattern.compile("Recovered position: ([0-9a-f-]{36}:-?\\d+)");

    private final Path root;
    private final List<GaleraNode> nodes = new ArrayList<>();
    private final Process[] processes = new Process[3];
    private final boolean asRoot;
    private long bootstrapMs;
    private final long[] joinMs = new long[3];

    private GaleraCluster(Path root, boolean asRoot) {
        this.root = root;
        this.asRoot = asRoot;
    }

    /** @return null when the packages are installed, else what is missing */
    static String whyUnavailable() {
        for (String file : List.of(MARIADBD, INSTALL_DB, PROVIDER, "/usr/bin/rsync", "/usr/bin/wsrep_sst_rsync")) {
            if (!Files.exists(Path.of(file))) {
                return file + " is missing (install mariadb-server, galera-4 and rsync)";
            }
        }
        return null;
    }

    /**
     * Starts the three nodes and waits until all are Synced.
     *
     * @return the running cluster
     */
    static GaleraCluster start() {
        try {
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            // -Dkubedl.galera.dir: where CI wants the nodes, so that its trap finds every process by that path
            String parent = System.getProperty("kubedl.galera.dir");
            Path root = parent == null || parent.isBlank() ? Files.createTempDirectory("kubedl-galera-")
                    : Files.createTempDirectory(Path.of(parent), "kubedl-galera-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            GaleraCluster cluster = new GaleraCluster(root, asRoot);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "kubedl-galera-stop"));
            cluster.bootstrap();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bootstrap() throws IOException {
        for (int i = 1; i <= 3; i++) {
            Path dir = root.resolve("n" + i);
            Files.createDirectories(dir.resolve("data"));
            GaleraNode node = new GaleraNode(i, freePort(), freePort(), freePort(), freePort(), dir);
            nodes.add(node);
            if (asRoot) {
                UserPrincipal mysql = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mysql");
                Files.setOwner(dir, mysql);
                Files.setOwner(dir.resolve("data"), mysql);
            }
            List<String> install = new ArrayList<>(List.of(INSTALL_DB, "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (asRoot) {
                install.add("--user=mysql");
            }
            run(install, dir.resolve("install.log"), Duration.ofMinutes(2));
        }
        long t0 = System.nanoTime();
        launch(nodes.get(0), List.of("--wsrep-new-cluster"));
        awaitSynced(nodes.get(0), Duration.ofMinutes(1));
        bootstrapMs = (System.nanoTime() - t0) / 1_000_000;
        try (Connection c = connect(nodes.get(0)); Statement s = c.createStatement()) {
            // mariadb-install-db may create anonymous users; an anonymous ''@localhost would shadow root@localhost
            s.execute("DROP USER IF EXISTS ''@'localhost', ''@'" + java.net.InetAddress.getLocalHost().getHostName() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare node n1: " + e.getMessage(), e);
        }
        for (GaleraNode node : nodes.subList(1, 3)) {
            long started = System.nanoTime();
            launch(node, List.of());
            awaitSynced(node, Duration.ofMinutes(2));
            joinMs[node.index() - 1] = (System.nanoTime() - started) / 1_000_000;
        }
        LOG.info("GALERA cluster of 3 up in {}: n1 bootstrapped in {} ms, n2 joined (rsync SST) in {} ms, n3 in {} ms;"
                + " client ports {}", root, bootstrapMs, joinMs[1], joinMs[2],
                nodes.stream().map(GaleraNode::clientPort).toList());
    }

    private List<String> serverArgs(GaleraNode n) {
        String peers = String.join(",", nodes.stream().map(x -> "127.0.0.1:" + x.galeraPort()).toList());
        List<String> args = new ArrayList<>(List.of(MARIADBD, "--no-defaults", "--datadir=" + n.dir().resolve("data"),
                "--socket=" + n.dir().resolve("sock"), "--pid-file=" + n.dir().resolve("pid"),
                "--port=" + n.clientPort(), "--bind-address=127.0.0.1", "--log-error=" + n.errorLog(),
                "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
                "--innodb-flush-log-at-trx-commit=2", "--innodb-buffer-pool-size=64M", "--max-connections=300",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=kubedl-persist-test",
                "--wsrep-node-name=" + n.name(), "--wsrep-node-address=127.0.0.1:" + n.galeraPort(),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + n.galeraPort() + ";ist.recv_addr=127.0.0.1:"
                        + n.istPort() + ";gcache.size=128M",
                "--wsrep-sst-receive-address=127.0.0.1:" + n.sstPort(), "--wsrep-sst-method=rsync",
                "--wsrep-slave-threads=2", "--wsrep-cluster-address=gcomm://" + peers));
        if (asRoot) {
            args.add("--user=mysql");
        }
        return args;
    }

    private void launch(GaleraNode n, List<String> extra) throws IOException {
        List<String> args = serverArgs(n);
        args.addAll(extra);
        processes[n.index() - 1] = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(n.dir().resolve("stdout.log").toFile())).start();
    }

    /** @return the three nodes */
    List<GaleraNode> nodes() {
        return nodes;
    }

    /** @param index 1..3 @return that node */
    GaleraNode node(int index) {
        return nodes.get(index - 1);
    }

    /** @return how long the bootstrap node took to be ready, ms */
    long bootstrapMs() {
        return bootstrapMs;
    }

    /** @param index 2 or 3 @return how long that node took to join by SST at start, ms */
    long joinMs(int index) {
        return joinMs[index - 1];
    }

    /**
     * {@code kill -9} of the node's mariadbd: no shutdown, no goodbye to the group.
     *
     * @param index 1..3
     */
    void kill(int index) {
        Process p = processes[index - 1];
        p.destroyForcibly(); // SIGKILL on Linux
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a killed node again: recovers its last committed position from InnoDB,
     * starts from it and waits until it is Synced.
     *
     * @param index 1..3
     * @return how the node rejoined: {@code IST} or {@code SST}, and in how many ms
     */
    String restart(int index) throws IOException {
        GaleraNode n = node(index);
        long started = System.nanoTime();
        Path recoverLog = n.dir().resolve("recover.log");
        List<String> recover = serverArgs(n);
        recover.replaceAll(a -> a.startsWith("--log-error=") ? "--log-error=" + recoverLog : a);
        recover.add("--wsrep-recover");
        run(recover, n.dir().resolve("recover.out"), Duration.ofMinutes(2));
        Matcher m = RECOVERED.matcher(Files.readString(recoverLog));
        String position = null;
        while (m.find()) {
            position = m.group(1);
        }
        long logOffset = Files.size(n.errorLog());
        launch(n, position == null ? List.of() : List.of("--wsrep-start-position=" + position));
        awaitSynced(n, Duration.ofMinutes(3));
        long ms = (System.nanoTime() - started) / 1_000_000;
        String log = Files.readString(n.errorLog()).substring((int) Math.min(logOffset, Files.size(n.errorLog())));
        String how = log.contains("IST received") || log.contains("Receiving IST") ? "IST"
                : log.contains("SST received") || log.contains("SST succeeded") ? "SST" : "neither IST nor SST logged";
        return how + " in " + ms + " ms (recovered position " + position + ")";
    }

    /** @return an admin connection (root, no database) to the node */
    Connection connect(GaleraNode n) throws SQLException {
        return DriverManager.getConnection(n.jdbcUrl(""), "root", "");
    }

    /** @return the node's {@code wsrep_local_state_comment}, or why it cannot be read */
    String state(GaleraNode n) {
        try (Connection c = connect(n); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
            return rs.next() ? rs.getString(2) : "unknown";
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }

    private void awaitSynced(GaleraNode n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Process p = processes[n.index() - 1];
            if (!p.isAlive()) {
                throw new IllegalStateException("node " + n.name() + " exited with " + p.exitValue() + "; see " + n.errorLog());
            }
            last = state(n);
            if ("Synced".equals(last)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("node " + n.name() + " not Synced within " + timeout + " (last state: " + last
                + "); see " + n.errorLog());
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed with " + p.exitValue() + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Kills every node this cluster started and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        // what a SIGKILLed node leaves behind (an rsync daemon or SST script of a transfer in flight): every
        // such process names this cluster's directory on its command line, and nothing else does
        String mark = root.toString();
        ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(cl -> cl.contains(mark)).orElse(false))
                .filter(h -> h.pid() != ProcessHandle.current().pid()).forEach(ProcessHandle::destroyForcibly);
        if (Files.exists(root) && !Boolean.getBoolean("kubedl.galera.keep")) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("could not delete {}: {}", root, e.getMessage());
            }
        }
    }
}
