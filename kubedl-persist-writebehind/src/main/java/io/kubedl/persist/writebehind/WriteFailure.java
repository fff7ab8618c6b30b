package io.kubedl.persist.writebehind;

/**
 * One write a {@link WriteBehindStore} gave up on, as told to a {@link WriteBehindListener}.
 *
 * @param key the identity: a {@link io.kubedl.persist.model.JobKey} or a {@link io.kubedl.persist.model.PodKey}
 * @param operation what was being written
 * @param cause the last exception the store threw
 * @param attempts how many times this write was tried
 */
public record WriteFailure(Object key, Operation operation, RuntimeException cause, int attempts) {

    /** The operations a write-behind store performs on the delegate. */
    public enum Operation {
        /** A save of the newest version (through saveAll). */
        SAVE,
        /** A markRemoved (rule D1). */
        MARK_REMOVED
    }

    /** @return true when the cause was transient, i.e. the store gave up after maxAttempts */
    public boolean transientCause() {
        return WriteRetry.isTransient(cause);
    }
}
