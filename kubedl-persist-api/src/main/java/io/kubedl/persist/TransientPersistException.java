package io.kubedl.persist;

/**
 * The store could not complete a call for a reason that may go away: the database is
 * unreachable, the connection was lost, a deadlock or lock wait timeout. Retrying the
 * same call is safe because every write is guarded by the resourceVersion (rule W4).
 */
public class TransientPersistException extends PersistException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the object and the operation; never a password
     * @param cause the failure a retry may not meet again
     */
    public TransientPersistException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
