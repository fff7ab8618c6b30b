package io.kubedl.persist.cli;

import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;

/**
 * {@code migrate}: brings the schema to this release's version (the mysql provider's
 * mode {@code migrate}: missing scripts applied under the migration lock). Run it with
 * a user that has DDL grants before the controller starts, so that the controller can
 * run with DML grants only.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the missing schema migrations (needs CREATE, ALTER, INDEX grants).")
final class MigrateCommand extends StoreCommand {
    MigrateCommand(CliContext context) {
        super(context);
    }

    @Override
    String migrationMode() {
        return "migrate";
    }

    @Override
    boolean forcesMigrationMode() {
        return true;
    }

    @Override
    int run(MetaStore opened) {
        context.out().println(store.isMySql()
                ? "schema is current: the '" + opened.providerName() + "' store was migrated where it needed to be"
                : "the '" + opened.providerName() + "' store migrates its schema when it opens; it is open, so it is current");
        return ExitCode.OK;
    }
}
