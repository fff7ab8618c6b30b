package io.kubedl.persist.cli;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.adopt.AdoptionReport;
import io.kubedl.persist.mysql.adopt.KubedlAdoption;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adopt --dry-run} / {@code adopt --apply --source-zone ZONE}: takes over a
 * database that KubeDL's Go controller filled (docs/migrating-from-kubedl.md), through
 * the mysql provider's {@link KubedlAdoption}. The dry run only reads and prints the
 * report; apply renames KubeDL's tables to backups and copies each identity's newest
 * row, converting KubeDL's local times from the stated zone. Apply is resumable and
 * idempotent: after a failure, run it again.
 */
@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = "Take over a KubeDL database: --dry-run reports, --apply --source-zone ZONE adopts (mysql only).")
final class AdoptCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--source-zone", paramLabel = "ZONE",
            description = "The zone KubeDL's controller ran in (its times are local): Asia/Shanghai, UTC, +08:00.")
    String sourceZone;

    /** Exactly one of the two. */
    static final class Mode {
        @Option(names = "--dry-run", required = true, description = "Report what was found and what apply will do; change nothing.")
        boolean dryRun;
        @Option(names = "--apply", required = true, description = "Adopt (needs --source-zone, and CREATE, ALTER, INDEX, DROP grants).")
        boolean apply;
    }

    AdoptCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoreOptions store = ((RootCommand) spec.root().userObject()).store;
        if (!store.isMySql()) {
            throw new UsageException("adopt takes over KubeDL's MySQL tables: it needs --meta-storage mysql, was '"
                    + store.storageName() + "'");
        }
        if (mode.apply && sourceZone == null) {
            throw new UsageException("--apply needs --source-zone ZONE: the zone KubeDL's controller ran in"
                    + " (e.g. Asia/Shanghai, UTC, +08:00); there is no default");
        }
        ZoneId zone;
        try {
            zone = sourceZone == null ? null : KubedlAdoption.zone(sourceZone);
        } catch (ConfigurationException e) {
            throw new UsageException("--source-zone: " + e.getMessage(), e);
        }
        StorageConfig config = store.load(context, null, false);
        AdoptionReport report;
        try (KubedlAdoption adoption = KubedlAdoption.open(config)) {
            report = mode.apply ? adoption.apply(zone) : adoption.plan(zone);
        }
        report.lines().forEach(context.out()::println);
        context.out().flush();
        if (!mode.apply && !report.problems().isEmpty()) {
            throw new OperationFailedException("adopt cannot apply as things are: " + report.problems().size()
                    + " problem(s), each on a 'cannot apply:' line above");
        }
        return ExitCode.OK;
    }
}
