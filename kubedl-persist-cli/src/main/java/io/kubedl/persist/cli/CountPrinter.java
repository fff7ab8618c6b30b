package io.kubedl.persist.cli;

import io.kubedl.persist.cli.output.OutputFormat;

/** Prints the answer of a {@code count} command in the chosen format. */
final class CountPrinter {
    private CountPrinter() {
    }

    static void print(CliContext context, OutputFormat format, long count) {
        switch (format) {
            case TEXT -> context.out().println(count);
            case JSON -> context.out().println("{\"count\":" + count + "}");
            case CSV -> context.out().print("count\r\n" + count + "\r\n");
        }
        context.out().flush();
    }
}
