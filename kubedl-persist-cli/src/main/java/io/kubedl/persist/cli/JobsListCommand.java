package io.kubedl.persist.cli;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.cli.output.JobLayout;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jobs list}: one page of jobs, newest first (Q2, Q3). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, newest first, one page at a time.")
final class JobsListCommand extends StoreCommand {
    @Mixin
    JobFilterOptions filters;
    @Mixin
    PageOptions page;
    @Mixin
    OutputOptions output;

    private JobQuery query;

    JobsListCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        query = JobFilterOptions.build(filters.builder(context), page);
    }

    @Override
    int run(MetaStore opened) {
        Page<JobRecord> result;
        try {
            result = opened.jobs().list(query);
        } catch (InvalidPageTokenException e) {
            throw new UsageException("--page-token: " + e.getMessage(), e);
        }
        output.printer(context).print(JobLayout.ROWS, result.items());
        NextPage.announce(context, result);
        return ExitCode.OK;
    }
}
