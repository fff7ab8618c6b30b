package io.kubedl.persist;

/**
 * A hard delete was refused because the row is still marked as present in etcd
 * (rule D2). Mark it removed first; deleting live objects would lose history that
 * the next watch event cannot restore.
 */
public class StillInEtcdException extends PersistException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what the row that is still in etcd, e.g. {@code "job ns/name"}
     */
    public StillInEtcdException(String what) {
        super(what + " is still in etcd; mark it removed first (markRemoved), then delete it");
    }
}
