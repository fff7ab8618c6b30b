package io.kubedl.persist.cli;

import io.kubedl.persist.query.Page;

/** Tells, on stderr, how to ask for the next page, so stdout holds nothing but rows. */
final class NextPage {
    private NextPage() {
    }

    static void announce(CliContext context, Page<?> page) {
        page.next().ifPresent(token -> {
            context.err().println("more rows: repeat with --page-token " + token);
            context.err().flush();
        });
    }
}
