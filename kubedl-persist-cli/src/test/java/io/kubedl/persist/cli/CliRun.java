package io.kubedl.persist.cli;

import io.kubedl.persist.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command in this JVM, as a shell would, with its own environment, clock and zone; captures stdout and stderr. */
final class CliRun {
    /** The "now" of every test run. */
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private ZoneId zone = ZoneOffset.UTC;

    /** @param db a test database @return a runner whose MYSQL_* env vars point at it */
    static CliRun on(TestDatabase db) {
        CliRun run = new CliRun();
        run.env.put("MYSQL_HOST", db.host());
        run.env.put("MYSQL_PORT", Integer.toString(db.port()));
        run.env.put("MYSQL_DB_NAME", db.name());
        run.env.put("MYSQL_USER", db.user());
        if (db.password() != null) {
            run.env.put("MYSQL_PASSWORD", db.password());
        }
        return run;
    }

    /** @return a runner with an empty environment */
    static CliRun bare() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    CliRun zone(ZoneId localZone) {
        zone = localZone;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KubedlPersistCli.run(args, new CliContext(env, Clock.fixed(NOW, ZoneOffset.UTC), zone,
                new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * @param code the exit code
     * @param out what went to stdout
     * @param err what went to stderr
     */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\r?\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\r?\n"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
