package io.kubedl.persist;

/**
 * A value does not fit the store (rule V2). Values are never truncated: the message
 * names the field, the store's limit and the value's length.
 */
public class ValueTooLongException extends InvalidRecordException {
    private static final long serialVersionUID = 1L;

    /** The most characters the store holds for the field. */
    private final int limit;
    /** The length of the refused value, in characters. */
    private final int length;

    /**
     * @param field the offending field
     * @param limit the most characters the store holds for it
     * @param length the length of the refused value, in characters
     */
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
