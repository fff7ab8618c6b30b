package io.kubedl.persist.model;

/**
 * What a write did to the store (rules W1..W4, W8, D1). Every outcome but
 * {@link #INSERTED} and {@link #UPDATED} left the stored row exactly as it was.
 */
public enum WriteOutcome {
    /** No row had this identity; one was inserted (W1). */
    INSERTED,
    /** The row was replaced by a newer version, or marked removed (W2, D1). */
    UPDATED,
    /** The row already held this version, or was already removed; nothing was rewritten (W3, D1). */
    UNCHANGED,
    /** The write carried an older version, or the row was removed from etcd; nothing changed (W4, W8). */
    STALE,
    /** No row has this identity (D1). */
    NOT_FOUND;

    /** @return true when the write changed the stored row */
    public boolean changedRow() {
        return this == INSERTED || this == UPDATED;
    }
}
