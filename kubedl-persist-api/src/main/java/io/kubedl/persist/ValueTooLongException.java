package io.kubedl.persist;

/**
 * A value does not fit the store (rule V2). Values are never truncated: the message
 * names the field, the store's limit and the value's length.
 */
public class ValueTooLongException extends InvalidRecordException {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int length;

    public ValueTooLongException(String field, int limit, int length) {
        super(field, "is " + length + " characters long, the store holds at most " + limit);
        this.limit = limit;
        this.length = length;
    }

    /** @return the most characters the store holds for this field */
    public int limit() {
        return limit;
    }

    /** @return the length of the refused value, in characters */
    public int length() {
        return length;
    }
}
