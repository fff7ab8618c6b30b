package io.kubedl.persist.query;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing (rule Q3).
 *
 * @param <T> the record type
 * @param items the rows of this page, in the listing's order
 * @param nextPageToken an opaque token for the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {
    /**
     * Copies the items.
     * @param items the rows of this page, in the listing's order
     * @param nextPageToken an opaque token for the next page, or null on the last page
     */
    public Page {
        items = List.copyOf(items);
    }

    /** @return the token of the next page, empty on the last page */
    public Optional<String> next() {
        return Optional.ofNullable(nextPageToken);
    }

    /** @return true when there is a next page */
    public boolean hasNext() {
        return nextPageToken != null;
    }
}
