package io.kubedl.persist;

/**
 * A record, a query or a value was refused before anything was written (rules V1, V2,
 * W5). {@link #field()} names the offending field so that callers and tests can tell
 * exactly what was wrong.
 */
public class InvalidRecordException extends PersistException {
    private static final long serialVersionUID = 1L;

    /** The offending field, as named in the record or query. */
    private final String field;

    /**
     * @param field the offending field, as named in the record or query
     * @param problem what is wrong with its value
     */
    public InvalidRecordException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /**
     * @return the name of the offending field, as named in the record or query
     */
    public String field() {
        return field;
    }
}
