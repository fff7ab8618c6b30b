package io.kubedl.persist.cli;

import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pods count}: how many pods match the filters. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Count the pods that match the filters.")
final class PodsCountCommand extends StoreCommand {
    @Mixin
    PodFilterOptions filters;
    @Mixin
    OutputOptions output;

    private PodQuery query;

    PodsCountCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        query = PodFilterOptions.build(filters.builder(context), new PageOptions());
    }

    @Override
    int run(MetaStore opened) {
        require(opened, Capability.COUNT, "count");
        CountPrinter.print(context, output.format, opened.pods().count(query));
        return ExitCode.OK;
    }
}
