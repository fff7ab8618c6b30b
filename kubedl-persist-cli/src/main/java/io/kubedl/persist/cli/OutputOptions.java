package io.kubedl.persist.cli;

import io.kubedl.persist.cli.output.OutputFormat;
import io.kubedl.persist.cli.output.RowPrinter;
import io.kubedl.persist.cli.output.TimeFormat;
import picocli.CommandLine.Option;

/** {@code --output text|json|csv} and {@code --local}. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned table), json (one object per line) or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = "--local", description = "Times in this machine's zone with their offset instead of UTC.")
    boolean local;

    RowPrinter printer(CliContext context) {
        return new RowPrinter(format, local ? TimeFormat.in(context.localZone()) : TimeFormat.utc(), context.out());
    }
}
