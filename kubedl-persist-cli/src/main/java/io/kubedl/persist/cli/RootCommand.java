package io.kubedl.persist.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command {@code kubedl-persist}; without a subcommand it prints its usage and exits with 2. */
@Command(name = "kubedl-persist", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Act on the kubedl-persist database: schema, retention, and the history of training jobs.",
        subcommands = {MigrateCommand.class, ValidateCommand.class, AdoptCommand.class, PurgeCommand.class, RootCommand.Jobs.class,
            RootCommand.Pods.class},
        footer = {"", "Exit codes: 0 done (validate: schema current), 1 operation failed, 2 usage error.",
            "Configuration as the controller's: --meta-storage, MYSQL_* env vars, --secret-dir, --storage-option."})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where the store is; global options, accepted before or after the command. */
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** {@code jobs}: the job commands. */
    @Command(name = "jobs", mixinStandardHelpOptions = true, description = "List, show and count jobs.",
            subcommands = {JobsListCommand.class, JobsShowCommand.class, JobsCountCommand.class})
    static final class Jobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a jobs command is required: list, show or count");
        }
    }

    /** {@code pods}: the pod commands. */
    @Command(name = "pods", mixinStandardHelpOptions = true, description = "List and count pods.",
            subcommands = {PodsListCommand.class, PodsCountCommand.class})
    static final class Pods implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a pods command is required: list or count");
        }
    }
}
