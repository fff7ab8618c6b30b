package io.kubedl.persist.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a command reads from outside the command line: the environment (MYSQL_*,
 * REGION), the clock (for durations like {@code 90d}), the zone of {@code --local},
 * and where its output and its error lines go. Tests pass their own.
 *
 * @param env the environment variables
 * @param clock the clock that "now" comes from
 * @param localZone the zone {@code --local} prints times in
 * @param out where results go (stdout)
 * @param err where progress and error lines go (stderr)
 */
public record CliContext(Map<String, String> env, Clock clock, ZoneId localZone, PrintWriter out, PrintWriter err) {
    /**
     * Copies the environment and checks that nothing is null.
     *
     * @param env the environment variables
     * @param clock the clock that "now" comes from
     * @param localZone the zone {@code --local} prints times in
     * @param out where results go
     * @param err where progress and error lines go
     */
    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(localZone, "localZone");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
