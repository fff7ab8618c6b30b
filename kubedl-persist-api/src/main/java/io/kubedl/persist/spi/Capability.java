package io.kubedl.persist.spi;

/**
 * Optional parts of the contract. A store declares what it supports in
 * {@link MetaStore#capabilities()}; the TCK skips, with this reason, the rules of a
 * capability a store lacks, and fails a store that lacks one it declares.
 */
public enum Capability {
    /** count(query) on jobs and pods (Q3). */
    COUNT("count(query)"),
    /** reconcile(region, ...) on jobs and pods (D3). */
    RECONCILE("reconcile(region, ...)"),
    /** purge(finishedBefore) on jobs and pods (D4). */
    PURGE("purge(finishedBefore)");

    private final String operation;

    Capability(String operation) {
        this.operation = operation;
    }

    /** @return the operation this capability enables */
    public String operation() {
        return operation;
    }

    /** @return the exception a store throws when asked for this capability without having it */
    public UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(operation + " is not supported by this store (capability " + name() + ")");
    }
}
