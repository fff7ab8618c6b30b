package io.kubedl.persist.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code kubedl-persist} command: {@code migrate}, {@code validate},
 * {@code adopt}, {@code purge}, {@code jobs list|show|count}, {@code pods list|count}. See
 * docs/cli.md. Exit codes are those of {@link ExitCode}; every failure is one line on
 * stderr.
 */
public final class KubedlPersistCli {
    private KubedlPersistCli() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        configureLogging(List.of(args).contains("--verbose") || List.of(args).contains("-v"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new CliContext(System.getenv(), Clock.systemUTC(), ZoneId.systemDefault(), out, err));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command in this JVM (the tests do).
     *
     * @param args the command line
     * @param context environment, clock, zone, output and error streams
     * @return the exit code
     */
    public static int run(String[] args, CliContext context) {
        OneLineErrors errors = new OneLineErrors();
        CommandLine line = new CommandLine(new RootCommand(), new ContextFactory(context))
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        return line.execute(args);
    }

    /**
     * The library logs to SLF4J; a command line shows its own lines, so only warnings
     * reach stderr, and the pool's start-up errors (already the command's one error
     * line) stay quiet. {@code --verbose} shows INFO. Must run before the first logger.
     */
    private static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", verbose ? "info" : "off");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
