package io.kubedl.persist.cli;

/** The command ran and could not do what it was asked (exit code 1), e.g. no job of that name. */
final class OperationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OperationFailedException(String message) {
        super(message);
    }
}
