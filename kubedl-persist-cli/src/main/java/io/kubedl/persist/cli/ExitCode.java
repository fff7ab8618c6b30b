package io.kubedl.persist.cli;

/** The exit codes of {@code kubedl-persist} (docs/cli.md). */
public final class ExitCode {
    /** The command did what it was asked; for {@code validate}: the schema is current. */
    public static final int OK = 0;
    /** The operation failed: server unreachable, access denied, schema not current, not found, a database error. */
    public static final int FAILED = 1;
    /** Usage error: an unknown command or flag, a bad flag value, a bad configuration value; nothing was tried. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
