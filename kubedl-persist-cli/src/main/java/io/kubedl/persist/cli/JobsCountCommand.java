package io.kubedl.persist.cli;

import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jobs count}: how many jobs match the filters (Q3 count). */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Count the jobs that match the filters.")
final class JobsCountCommand extends StoreCommand {
    @Mixin
    JobFilterOptions filters;
    @Mixin
    OutputOptions output;

    private JobQuery query;

    JobsCountCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        query = JobFilterOptions.build(filters.builder(context), new PageOptions());
    }

    @Override
    int run(MetaStore opened) {
        require(opened, Capability.COUNT, "count");
        CountPrinter.print(context, output.format, opened.jobs().count(query));
        return ExitCode.OK;
    }
}
