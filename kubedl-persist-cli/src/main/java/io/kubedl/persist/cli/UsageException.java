package io.kubedl.persist.cli;

/**
 * The command line or the configuration is wrong, so nothing was tried: exit code 2.
 * The message names the flag (or setting) and what it accepts.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
