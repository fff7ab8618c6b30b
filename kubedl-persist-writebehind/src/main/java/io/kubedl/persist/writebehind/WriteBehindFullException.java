package io.kubedl.persist.writebehind;

import io.kubedl.persist.TransientPersistException;

/**
 * A submitter waited {@link WriteBehindOptions#submitTimeout()} at the cap of
 * {@link WriteBehindOptions#maxPendingIdentities()} and no room was freed: the
 * store is down or slower than the event rate. Transient: the same call may succeed
 * once the writers catch up. Nothing of the refused event was kept.
 */
public class WriteBehindFullException extends TransientPersistException {
    private static final long serialVersionUID = 1L;

    /** The most pending objects the write-behind holds. */
    private final int cap;

    /**
     * @param name the store's name
     * @param cap the cap that was reached
     * @param waitedMillis how long the submitter waited
     */
    public WriteBehindFullException(String name, int cap, long waitedMillis) {
        super("write-behind '" + name + "' is full: " + cap + " identities pending (maxPendingIdentities=" + cap
                + "); waited " + waitedMillis + " ms for the writers to free room. The store is down or slower"
                + " than the event rate: raise maxPendingIdentities or submitTimeout, or slow the producer", null);
        this.cap = cap;
    }

    /** @return the cap of pending identities that was reached */
    public int cap() {
        return cap;
    }
}
