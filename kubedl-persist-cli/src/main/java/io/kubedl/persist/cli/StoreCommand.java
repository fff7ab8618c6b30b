package io.kubedl.persist.cli;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on an open store: it checks its own arguments first (so a bad
 * flag value never waits for a server), loads the configuration, opens the store,
 * runs, and closes the store whatever happens.
 */
abstract class StoreCommand implements Callable<Integer> {
    /** The mysql provider's mode for commands that only read or delete rows: never DDL. */
    static final String VALIDATE = "validate";

    final CliContext context;

    @Spec
    CommandSpec spec;

    StoreOptions store;

    StoreCommand(CliContext context) {
        this.context = context;
    }

    /** Checks and converts the arguments; runs before anything connects. */
    void prepare() {
    }

    /** @return the mysql migration mode this command opens with */
    String migrationMode() {
        return VALIDATE;
    }

    /** @return true when {@link #migrationMode()} wins over a configured {@code migration} option */
    boolean forcesMigrationMode() {
        return false;
    }

    /**
     * @param opened the open store
     * @return the exit code
     */
    abstract int run(MetaStore opened);

    @Override
    public Integer call() {
        store = ((RootCommand) spec.root().userObject()).store;
        prepare();
        StorageConfig config = store.load(context, migrationMode(), forcesMigrationMode());
        try (MetaStore opened = store.open(config)) {
            return run(opened);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    static void require(MetaStore opened, Capability capability, String what) {
        if (!opened.capabilities().contains(capability)) {
            throw new OperationFailedException("the '" + opened.providerName() + "' store cannot " + what
                    + " (it does not declare " + capability + ")");
        }
    }
}
