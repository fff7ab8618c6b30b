package io.kubedl.persist.query;

import io.kubedl.persist.InvalidRecordException;

/** Limits of a page (rule Q3): shared by job and pod queries. */
public final class PageSize {
    /** Rows per page when the query does not say. */
    public static final int DEFAULT = 50;
    /** The most rows one page may hold. */
    public static final int MAX = 1000;

    private PageSize() {
    }

    static int check(int size) {
        if (size < 1 || size > MAX) {
            throw new InvalidRecordException("pageSize", "must be between 1 and " + MAX + ", was " + size);
        }
        return size;
    }
}
