package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.cli.CliRun.Result;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** purge: a dry run counts, a run deletes oldest first with progress on stderr and the counts on stdout (D4). */
class PurgeCommandTest {
    private TestDatabase db;
    private CliRun cli;

    @BeforeEach
    void seed() {
        db = TestServers.shared().createDatabase("cli_purge");
        try (MetaStore store = MetaStorage.open(db.configBuilder().build())) {
            History.seed(store);
        }
        cli = CliRun.on(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private String count(String what, String... filters) {
        String[] args = new String[2 + filters.length];
        args[0] = what;
        args[1] = "count";
        System.arraycopy(filters, 0, args, 2, filters.length);
        return cli.run(args).out().trim();
    }

    @Test
    void aDryRunCountsAndDeletesNothing() {
        Result r = cli.run("purge", "--finished-before", "90d", "--dry-run");
        assertThat(r.code()).as("%s", r).isZero();
        // the MPIJob finished 119 days ago (its launcher goes with it), the orphan pod 99 days ago
        assertThat(r.out()).isEqualTo("would purge 1 jobs (with their pods) and 1 other pods, removed from the cluster"
                + " and finished before 2025-12-10T12:00:00Z\n");
        assertThat(count("jobs")).isEqualTo("5");
        assertThat(count("pods")).isEqualTo("7");
    }

    @Test
    void aRunPurgesOldestFirstInSlicesWithProgressAndNeverARowStillInEtcd() {
        Result r = cli.run("purge", "--finished-before", "1d", "--slice", "1");
        assertThat(r.code()).as("%s", r).isZero();
        assertThat(r.errLines()).containsExactly(
                "purge: purged 1 of 2 jobs (finished before 2025-11-11T12:00:01Z)",
                "purge: purged 2 jobs with their pods; purging the other pods");
        assertThat(r.out()).isEqualTo("purged 2 jobs (with their pods) and 1 other pods, removed from the cluster"
                + " and finished before 2026-03-09T12:00:00Z\n");
        assertThat(cli.run("jobs", "list").outLines()).hasSize(1 + 3);
        assertThat(count("jobs", "--in-etcd", "true")).isEqualTo("2");
        assertThat(count("jobs", "--uid", History.BERT_OLD)).as("finished after the bound").isEqualTo("1");
        assertThat(count("pods")).isEqualTo("4");
        assertThat(count("pods", "--job-uid", History.BERT_OLD)).isEqualTo("4");

        Result again = cli.run("purge", "--finished-before", "1d");
        assertThat(again.out()).isEqualTo("purged 0 jobs (with their pods) and 0 other pods, removed from the cluster"
                + " and finished before 2026-03-09T12:00:00Z\n");
    }
}
