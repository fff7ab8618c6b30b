package io.kubedl.persist;

/**
 * A page token was malformed, forged, or issued for a different filter (rule Q3).
 * Start again from the first page with the filter you mean.
 */
public class InvalidPageTokenException extends InvalidRecordException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem why the token is refused (malformed, forged, or issued for another listing)
     */
    public InvalidPageTokenException(String problem) {
        super("pageToken", problem);
    }
}
