package io.kubedl.persist.benchmark;

import io.kubedl.persist.testkit.TestServer;
import io.kubedl.persist.testkit.TestServers;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the write benchmark (six paths side by side on one generated stream) and the
 * query-scaling benchmark, prints the tables and the targets, and exits 1 when
 * a path's final table differs from the expected one (its numbers are then void).
 *
 * <p>Flags: {@code --jobs N} (500), {@code --seed S} (42), {@code --batch B} (500),
 * {@code --writers W} (2), {@code --max-delay-ms D} (50), {@code --rounds R} (3), {@code --query-rows
 * 10000,1000000}, {@code --skip-writes}, {@code --skip-queries}. The server is the
 * test kit's: KUBEDL_TEST_MYSQL_URL (and _USER, _PASSWORD) for an external one, else
 * an embedded MariaDB.
 */
public final class BenchmarkMain {
    /** The write paths by their --paths names, in the order they run. */
    static final List<String> PATHS = List.of("naive", "kubedl", "save", "saveAll", "write-behind", "ceiling");

    private BenchmarkMain() {
    }

    /** Parsed flags. */
    record Settings(int jobs, long seed, int batch, int writers, int maxDelayMs, int rounds, List<Integer> queryRows,
                    boolean writes, boolean queries, List<String> paths, int resyncObjects, boolean resync) {

        static Settings parse(String[] args) {
            Map<String, String> flags = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'; flags start with --");
                }
                boolean bool = arg.equals("--skip-writes") || arg.equals("--skip-queries") || arg.equals("--skip-resync");
                if (!bool && i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + ": needs a value");
                }
                flags.put(arg.substring(2), bool ? "true" : args[++i]);
            }
            List<Integer> rows = new ArrayList<>();
            for (String size : flags.getOrDefault("query-rows", "10000,1000000").split(",")) {
                rows.add(Integer.parseInt(size.trim()));
            }
            Settings s = new Settings(integer(flags, "jobs", 500), Long.parseLong(flags.getOrDefault("seed", "42")),
                    integer(flags, "batch", 500), integer(flags, "writers", 2), integer(flags, "max-delay-ms", 50),
                    Math.max(1, integer(flags, "rounds", 3)), List.copyOf(rows), !flags.containsKey("skip-writes"),
                    !flags.containsKey("skip-queries"), List.of(flags.getOrDefault("paths", String.join(",", PATHS))
                            .split(",")), integer(flags, "resync-objects", 100_000), !flags.containsKey("skip-resync"));
            for (String path : s.paths()) {
                if (!PATHS.contains(path)) {
                    throw new IllegalArgumentException("--paths: unknown path '" + path + "'; paths are " + PATHS);
                }
            }
            flags.keySet().removeAll(List.of("jobs", "seed", "batch", "writers", "max-delay-ms", "rounds", "query-rows",
                    "skip-writes", "skip-queries", "paths", "resync-objects", "skip-resync"));
            if (!flags.isEmpty()) {
                throw new IllegalArgumentException("unknown flag(s) " + flags.keySet());
            }
            return s;
        }

        private static int integer(Map<String, String> flags, String name, int defaultValue) {
            String value = flags.get(name);
            try {
                return value == null ? defaultValue : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": not an integer: " + value, e);
            }
        }
    }

    /**
     * @param args flags, see the class comment
     * @throws Exception when the benchmark cannot run
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        PrintStream out = System.out;
        TestServer server = TestServers.shared();
        out.println();
        out.println("== kubedl-persist benchmark ==");
        out.printf(Locale.ROOT, "machine: %d cores (availableProcessors), java %s (%s), max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.printf(Locale.ROOT, "server: %s, %s%n", server.kind(), serverFacts(server));
        boolean voidRun = false;
        if (settings.writes()) {
            voidRun = writes(settings, server, out);
        }
        if (settings.resync()) {
            resync(settings, server, out);
        }
        if (settings.queries()) {
            queries(settings, server, out);
        }
        out.println();
        if (voidRun) {
            out.println("VOID: at least one path did not end in the expected final table; its numbers mean nothing.");
            System.exit(1);
        }
        System.exit(0);
    }

    private static boolean writes(Settings settings, TestServer server, PrintStream out) throws Exception {
        EventStream stream = new EventStreamGenerator(settings.seed()).generate(settings.jobs());
        EventStream warmUp = new EventStreamGenerator(settings.seed() + 1).generate(Math.max(5, settings.jobs() / 20));
        out.printf(Locale.ROOT, "stream: %d jobs, %d pods, %d events (%d removals, %d re-delivered: duplicates"
                        + " or out-of-order), %d final rows, seed %d%n", stream.finalJobs().size(),
                stream.finalPods().size(), stream.events().size(), stream.removals(), stream.duplicates(),
                stream.finalRows(), settings.seed());
        List<WritePath> all = List.of(new JdbcPaths.NaiveUpsert(), new JdbcPaths.SelectThenWrite(),
                new ProviderPaths.SavePerEvent(), new ProviderPaths.SaveAllBatches(settings.batch()),
                new WriteBehindPath(settings.batch(), settings.writers(), Duration.ofMillis(settings.maxDelayMs())),
                new JdbcPaths.Ceiling(1000));
        List<WritePath> paths = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < PATHS.size(); i++) {
            if (settings.paths().contains(PATHS.get(i))) {
                paths.add(all.get(i));
                keys.add(PATHS.get(i));
            }
        }
        WriteBenchmark.Outcome outcome = new WriteBenchmark(server).run(stream, warmUp, paths, settings.rounds());
        out.println();
        out.printf(Locale.ROOT, "each path ran %d round(s); the table shows its median round; times of all rounds:%n",
                settings.rounds());
        for (int i = 0; i < paths.size(); i++) {
            StringBuilder times = new StringBuilder();
            for (PathResult r : outcome.rounds().get(i)) {
                times.append(String.format(Locale.ROOT, " %.2f", r.seconds()));
            }
            out.printf(Locale.ROOT, "  %-42s%s s%n", paths.get(i).name(), times);
        }
        out.println();
        out.printf(Locale.ROOT, "%-42s %11s %11s %10s %8s %9s %9s %9s  %s%n", "write path", "events/s", "rows/s",
                "rows sent", "time s", "p50 ms", "p99 ms", "heap MiB", "note");
        for (PathResult r : outcome.results()) {
            out.printf(Locale.ROOT, "%-42s %11.0f %11.0f %10d %8.2f %9.3f %9.3f %9.0f  %s%n", r.name(),
                    r.eventsPerSecond(), r.rowsPerSecond(), r.rowsSent(), r.seconds(), r.latency().millis(50),
                    r.latency().millis(99), r.peakHeapMiB(), r.note());
        }
        out.println("(p50/p99: latency of one durable write: a statement per event, a saveAll batch, a multi-row"
                + " INSERT; heap: peak of the JVM's heap pools during the path, garbage included)");
        printProfile(outcome.results(), out);
        Map<String, PathResult> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), outcome.results().get(i));
        }
        out.println();
        ratio(out, byKey, "write-behind", "naive", false, "write-behind / naive         (events/s)", 20);
        ratio(out, byKey, "write-behind", "kubedl", false, "write-behind / KubeDL-style  (events/s)", 10);
        ratio(out, byKey, "write-behind", "ceiling", false, "write-behind / ceiling       (events/s)", 1.0);
        ratio(out, byKey, "saveAll", "ceiling", true, "saveAll / ceiling              (rows/s)", 0.5);
        if (largestKind(stream) < io.kubedl.persist.writebehind.WriteBehindOptions.MAX_BATCH_SIZE) {
            try (BenchDatabase db = BenchDatabase.create(server, "heap")) {
                PendingHeapProbe.Result heap = PendingHeapProbe.measure(stream, db);
                out.printf(Locale.ROOT, "write-behind heap while pending: %.1f MiB live for %d pending identities"
                                + " (%.0f bytes each) after %d events; %.1f MiB after %d events (no new identity)%n",
                        heap.firstPassMiB(), heap.identities(), heap.bytesPerIdentity(), heap.events(),
                        heap.secondPassMiB(), 2 * heap.events());
            }
        } else {
            out.println("write-behind heap probe skipped: it needs fewer than "
                    + io.kubedl.persist.writebehind.WriteBehindOptions.MAX_BATCH_SIZE
                    + " identities of a kind (use --jobs 550 or less)");
        }
        out.println();
        if (outcome.mismatches().isEmpty()) {
            out.println("final tables: every path ended in the expected final table (" + stream.finalRows()
                    + " rows compared)");
            return false;
        }
        out.println("final tables: MISMATCH, the numbers of these paths are void:");
        outcome.mismatches().forEach(m -> out.println("  " + m));
        return true;
    }

    private static void ratio(PrintStream out, Map<String, PathResult> byKey, String path, String base,
                              boolean rows, String label, double target) {
        PathResult a = byKey.get(path);
        PathResult b = byKey.get(base);
        if (a == null || b == null) {
            return;
        }
        double r = rows ? a.rowsPerSecond() / b.rowsPerSecond() : a.eventsPerSecond() / b.eventsPerSecond();
        out.printf(Locale.ROOT, "%s: %6.2fx   target >= %sx  %s   (times %.2f s / %.2f s)%n", label, r,
                target, met(r >= target), a.seconds(), b.seconds());
    }

    private static void resync(Settings settings, TestServer server, PrintStream out) throws SQLException {
        ResyncBenchmark.Result r = new ResyncBenchmark(server, settings.batch(), settings.writers(),
                Duration.ofMillis(settings.maxDelayMs())).run(settings.resyncObjects());
        out.println();
        out.printf(Locale.ROOT, "resync: %d live objects written once, then delivered again with the same versions"
                + " (write-behind, batch %d, %d writer(s)); %d rows at the end%n", r.objects(), settings.batch(),
                settings.writers(), r.rows());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %6s", "delivery", "time s",
                "calls"));
        for (String name : ServerCounters.NAMES) {
            header.append(' ').append(name);
        }
        out.println(header);
        for (ResyncBenchmark.Delivery d : r.deliveries()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s %8.2f %6d", d.name(),
                    d.nanos() / 1e9, d.callCount()));
            for (String name : ServerCounters.NAMES) {
                line.append(' ').append(d.counters().getOrDefault(name, 0L));
            }
            out.println(line);
            out.println("    calls: " + d.calls());
        }
        out.printf(Locale.ROOT, "remembered versions: %.1f MiB live for %d identities (%.0f bytes each)%n",
                r.rememberedMiB(), r.objects(), r.rememberedMiB() * 1024 * 1024 / r.objects());
    }

    private static void printProfile(List<PathResult> results, PrintStream out) {
        out.println();
        out.println("server profile of each path's median round (SHOW GLOBAL STATUS before and after; statements ="
                + " Questions; per call = divided by the path's durable write calls):");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-42s %8s", "write path", "calls"));
        for (String name : ServerCounters.NAMES) {
            header.append(' ').append(name);
        }
        out.println(header);
        for (PathResult r : results) {
            StringBuilder totals = new StringBuilder(String.format(Locale.ROOT, "%-42s %8d", r.name(),
                    r.latency().count()));
            StringBuilder perCall = new StringBuilder(String.format(Locale.ROOT, "%-42s %8s", "  per call", ""));
            for (String name : ServerCounters.NAMES) {
                totals.append(' ').append(r.counter(name));
                perCall.append(' ').append(String.format(Locale.ROOT, "%.1f",
                        r.counter(name) / (double) Math.max(1, r.latency().count())));
            }
            out.println(totals);
            out.println(perCall);
        }
    }

    private static void queries(Settings settings, TestServer server, PrintStream out) throws SQLException {
        QueryScaling scaling = new QueryScaling(server, settings.seed());
        Map<Integer, Map<String, LatencySamples>> bySize = new LinkedHashMap<>();
        for (int rows : settings.queryRows()) {
            bySize.put(rows, scaling.measure(rows));
        }
        out.println();
        out.printf(Locale.ROOT, "query scaling (%d timed runs each after %d warm-up; rows per table):%n",
                QueryScaling.REPEATS, QueryScaling.WARM_UP);
        out.printf(Locale.ROOT, "%-36s %10s %9s %9s%n", "query", "rows", "p50 ms", "p99 ms");
        for (String shape : QueryScaling.SHAPES) {
            for (Map.Entry<Integer, Map<String, LatencySamples>> size : bySize.entrySet()) {
                LatencySamples s = size.getValue().get(shape);
                out.printf(Locale.ROOT, "%-36s %10d %9.3f %9.3f%n", shape, size.getKey(), s.millis(50), s.millis(99));
            }
        }
        if (bySize.size() >= 2) {
            List<Integer> sizes = new ArrayList<>(bySize.keySet());
            int small = sizes.get(0);
            int large = sizes.get(sizes.size() - 1);
            out.println();
            for (String shape : QueryScaling.SHAPES) {
                double ratio = bySize.get(large).get(shape).millis(99) / bySize.get(small).get(shape).millis(99);
                out.printf(Locale.ROOT, "p99 %d / %d rows, %-34s %6.2fx   target <= 2x  %s%n", large, small, shape,
                        ratio, met(ratio <= 2));
            }
        }
    }

    private static int largestKind(EventStream stream) {
        return Math.max(stream.finalJobs().size(), stream.finalPods().size());
    }

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String serverFacts(TestServer server) {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), @@innodb_flush_log_at_trx_commit,"
                     + " @@innodb_buffer_pool_size")) {
            rs.next();
            return "version " + rs.getString(1) + ", innodb_flush_log_at_trx_commit=" + rs.getString(2)
                    + ", innodb_buffer_pool_size=" + rs.getLong(3) / (1024 * 1024) + " MiB";
        } catch (SQLException e) {
            return "version unknown (" + e.getMessage() + ")";
        }
    }
}
