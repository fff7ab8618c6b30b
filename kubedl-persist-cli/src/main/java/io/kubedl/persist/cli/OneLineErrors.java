package io.kubedl.persist.cli;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and an exit code: 2 for a command line
 * or configuration that is wrong, 1 for an operation that failed. Stack traces are not
 * printed; {@code --verbose} shows the library's log lines instead.
 */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final String PREFIX = "kubedl-persist: ";

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(PREFIX + oneLine(e.getMessage()) + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = e instanceof UsageException ? ExitCode.USAGE : ExitCode.FAILED;
        cmd.getErr().println(PREFIX + describe(e));
        cmd.getErr().flush();
        return code;
    }

    /** Library messages already name host, port, database and user (never the password): keep them, on one line. */
    static String describe(Exception e) {
        if (e instanceof UsageException || e instanceof OperationFailedException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof TransientPersistException) {
            return "cannot reach the database: " + oneLine(e.getMessage());
        }
        if (e instanceof ConfigurationException && String.valueOf(e.getMessage()).contains("migration=migrate")) {
            // the provider's advice is for code; say it in this tool's words too
            return oneLine(e.getMessage()) + " [from this tool: kubedl-persist migrate]";
        }
        if (e instanceof PersistException) {
            return oneLine(e.getMessage());
        }
        return "unexpected " + e.getClass().getName() + ": " + oneLine(e.getMessage());
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
