package io.kubedl.persist.cli;

import io.kubedl.persist.spi.MetaStore;
import picocli.CommandLine.Command;

/**
 * {@code validate}: exit code 0 when the schema is exactly the version this release
 * expects, 1 when it is not (older, newer, changed, interrupted) or cannot be checked.
 * It opens with the mysql provider's mode {@code validate}, which reads and never writes.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check that the schema is current; exit code 0 if it is, 1 if not.")
final class ValidateCommand extends StoreCommand {
    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if (!store.isMySql()) {
            throw new UsageException("validate needs a provider with migration modes (mysql); the '"
                    + store.storageName() + "' provider migrates its schema when it opens");
        }
    }

    @Override
    String migrationMode() {
        return VALIDATE;
    }

    @Override
    boolean forcesMigrationMode() {
        return true;
    }

    @Override
    int run(MetaStore opened) {
        context.out().println("schema is current");
        return ExitCode.OK;
    }
}
