package io.kubedl.persist;

/**
 * Root of every exception this library throws on purpose. Unchecked, because a
 * controller cannot do anything useful at the call site but log, retry or give up,
 * and the specific subclasses say which.
 */
public class PersistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the object and the operation; never a password
     */
    public PersistException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the object and the operation; never a password
     * @param cause the underlying failure
     */
    public PersistException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed if it is retried later unchanged (a lost
     * connection, a deadlock, a lock wait timeout). Bad input is never transient.
     *
     * @return true when a retry may succeed
     */
    public boolean isTransient() {
        return false;
    }
}
