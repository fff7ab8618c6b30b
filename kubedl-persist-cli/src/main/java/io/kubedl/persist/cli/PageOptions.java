package io.kubedl.persist.cli;

import io.kubedl.persist.query.PageSize;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --page-token} of a listing (keyset pages, rule Q3). */
final class PageOptions {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Rows per page, 1..1000. Default: ${DEFAULT-VALUE}.")
    int limit = PageSize.DEFAULT;

    @Option(names = "--page-token", paramLabel = "TOKEN",
            description = "The token printed after the previous page (same filters).")
    String pageToken;

    int checkedLimit() {
        if (limit < 1 || limit > PageSize.MAX) {
            throw new UsageException("--limit must be between 1 and " + PageSize.MAX + ", was " + limit);
        }
        return limit;
    }
}
