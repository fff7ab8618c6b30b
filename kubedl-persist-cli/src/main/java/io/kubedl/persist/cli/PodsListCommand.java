package io.kubedl.persist.cli;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.cli.output.PodLayout;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pods list}: one page of pods in the Q4 order (replica type, index, creation). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List pods by replica type, then replica index, one page at a time.")
final class PodsListCommand extends StoreCommand {
    @Mixin
    PodFilterOptions filters;
    @Mixin
    PageOptions page;
    @Mixin
    OutputOptions output;

    private PodQuery query;

    PodsListCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        query = PodFilterOptions.build(filters.builder(context), page);
    }

    @Override
    int run(MetaStore opened) {
        Page<PodRecord> result;
        try {
            result = opened.pods().list(query);
        } catch (InvalidPageTokenException e) {
            throw new UsageException("--page-token: " + e.getMessage(), e);
        }
        output.printer(context).print(PodLayout.ROWS, result.items());
        NextPage.announce(context, result);
        return ExitCode.OK;
    }
}
