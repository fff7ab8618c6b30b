package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.mysql.config.MigrationMode;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Versioned, append-only migrations: fresh, rerun, concurrent, validate, too old, too new, changed, foreign; the
 * check of the real columns and keys, with the right advice for KubeDL's tables.
 */
class SchemaMigratorTest {

    @Test
    void freshDatabaseIsMigratedToTheLatestVersionAndARerunChangesNothing() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_fresh"); Connection c = db.connect()) {
            SchemaMigrator migrator = new SchemaMigrator(db.name());
            assertThat(migrator.run(c, MigrationMode.MIGRATE)).isEqualTo(4).isEqualTo(migrator.expectedVersion());
            List<String> before = versionRows(c);
            assertThat(before).containsExactly("1|create job info|applied", "2|create replica info|applied",
                    "3|index job namespace status|applied", "4|kubedl reader columns|applied");
            assertThat(migrator.run(c, MigrationMode.MIGRATE)).isEqualTo(4);
            assertThat(versionRows(c)).isEqualTo(before);
            assertThat(migrator.run(c, MigrationMode.VALIDATE)).isEqualTo(4);
        }
    }

    @Test
    void concurrentMigratorsSerialiseOnTheLeaseRow() throws Exception {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_race")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try (Connection c = db.connect()) {
                            return new SchemaMigrator(db.name()).run(c, MigrationMode.MIGRATE);
                        }
                    }));
                }
                start.countDown();
                for (Future<Integer> r : results) {
                    assertThat(r.get(2, TimeUnit.MINUTES)).isEqualTo(4);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect()) {
                assertThat(versionRows(c)).hasSize(4).allMatch(r -> r.endsWith("|applied"));
            }
        }
    }

    @Test
    void validateOnAnOlderSchemaFailsNamingBothVersionsAndTheFix() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_old"); Connection c = db.connect()) {
            SchemaMigrator full = new SchemaMigrator(db.name());
            assertThatThrownBy(() -> full.run(c, MigrationMode.VALIDATE)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("schema version 0").hasMessageContaining("needs version 4")
                    .hasMessageContaining("migration=migrate");
            new SchemaMigrator(db.name(), List.of(SchemaMigration.load("V1__create_job_info.sql"))).run(c, MigrationMode.MIGRATE);
            assertThatThrownBy(() -> full.run(c, MigrationMode.VALIDATE)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("has schema version 1 but this kubedl-persist needs version 4");
            assertThat(full.run(c, MigrationMode.MIGRATE)).isEqualTo(4);
        }
    }

    @Test
    void newerSchemaFailsInEveryModeButSkip() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_new"); Connection c = db.connect()) {
            SchemaMigrator migrator = new SchemaMigrator(db.name());
            migrator.run(c, MigrationMode.MIGRATE);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO kubedl_schema_version VALUES (5, 'from the future', REPEAT('0', 64), 'applied', UTC_TIMESTAMP())");
            }
            for (MigrationMode mode : List.of(MigrationMode.MIGRATE, MigrationMode.VALIDATE)) {
                assertThatThrownBy(() -> migrator.run(c, mode)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("schema version 5, newer than the version 4")
                        .hasMessageContaining("upgrade kubedl-persist");
            }
            assertThat(migrator.run(c, MigrationMode.SKIP)).isEqualTo(-1);
        }
    }

    @Test
    void aChangedReleasedScriptIsRefused() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_sum"); Connection c = db.connect()) {
            SchemaMigrator migrator = new SchemaMigrator(db.name());
            migrator.run(c, MigrationMode.MIGRATE);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE kubedl_schema_version SET checksum = REPEAT('a', 64) WHERE version = 1");
            }
            assertThatThrownBy(() -> migrator.run(c, MigrationMode.VALIDATE)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("V1 was applied from a different script");
        }
    }

    @Test
    void tablesNotCreatedByThisLibraryAreRefused() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_foreign"); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE job_info (id INT PRIMARY KEY, name VARCHAR(128))");
            }
            assertThatThrownBy(() -> new SchemaMigrator(db.name()).run(c, MigrationMode.MIGRATE))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("has a table job_info that neither kubedl-persist nor KubeDL made")
                    .hasMessageContaining("it lacks columns").hasMessageContaining("use another database");
            assertThat(tables(c)).containsExactly("job_info");
        }
    }

    @ParameterizedTest(name = "{0} in mode {1}")
    @CsvSource({"SEED, MIGRATE", "SEED, VALIDATE", "CURRENT, MIGRATE", "CURRENT, VALIDATE"})
    void kubedlTablesAreRefusedWithAdviceToAdoptNeverToMigrateAndNothingIsLeftBehind(KubedlSchema schema,
            MigrationMode mode) throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_kubedl"); Connection c = db.connect()) {
            schema.createTables(c);
            String generation = schema == KubedlSchema.SEED ? "KubeDL seed-era" : "KubeDL current";
            assertThatThrownBy(() -> new SchemaMigrator(db.name()).run(c, mode)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("(" + generation + "), made by KubeDL's Go controller")
                    .hasMessageContaining("Adopt it with the ops CLI's adopt").hasMessageContaining("docs/migrating-from-kubedl.md")
                    .hasMessageNotContaining("migration=migrate");
            assertThat(tables(c)).containsExactly("job_info", "replica_info");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MigrationMode.class, names = {"MIGRATE", "VALIDATE"})
    void versionRowsOverKubedlTablesAreRefusedWithTheStepsThatUnblock(MigrationMode mode) throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_rows"); Connection c = db.connect()) {
            new SchemaMigrator(db.name()).run(c, MigrationMode.MIGRATE);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE job_info");
                s.execute("DROP TABLE replica_info");
            }
            KubedlSchema.CURRENT.createTables(c);
            assertThatThrownBy(() -> new SchemaMigrator(db.name()).run(c, mode)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("kubedl_schema_version has rows although the table is KubeDL's")
                    .hasMessageContaining("rename kubedl_schema_version away, then Adopt it");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MigrationMode.class, names = {"MIGRATE", "VALIDATE"})
    void versionRowsOverTablesThatLackColumnsOrKeysAreRefusedNamingThem(MigrationMode mode) throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_cols"); Connection c = db.connect()) {
            new SchemaMigrator(db.name()).run(c, MigrationMode.MIGRATE);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE replica_info DROP COLUMN deleted");
                s.execute("ALTER TABLE job_info DROP INDEX uk_job_identity");
            }
            assertThatThrownBy(() -> new SchemaMigrator(db.name()).run(c, mode)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("records schema version 4 in kubedl_schema_version, but job_info lacks its"
                            + " unique key uk_job_identity; replica_info (kubedl-persist) lacks columns [deleted]")
                    .hasMessageContaining("migrate cannot repair them");
        }
    }

    @Test
    void anInterruptedMigrationIsCompletedOnTheNextStart() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_resume"); Connection c = db.connect()) {
            SchemaMigrator migrator = new SchemaMigrator(db.name());
            migrator.run(c, MigrationMode.MIGRATE);
            try (Statement s = c.createStatement()) {
                // as if the process died after V3's CREATE INDEX (which commits on its own) but before recording it:
                // the re-run meets "duplicate key name" (1061), which must count as done
                s.execute("UPDATE kubedl_schema_version SET state = 'pending' WHERE version = 3");
            }
            assertThatThrownBy(() -> migrator.run(c, MigrationMode.VALIDATE)).hasMessageContaining("interrupted");
            assertThat(migrator.run(c, MigrationMode.MIGRATE)).isEqualTo(4);
        }
    }

    @Test
    void anAppliedVersionNeverGoesBackToPending() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("mig_norevert"); Connection c = db.connect()) {
            SchemaMigrator migrator = new SchemaMigrator(db.name());
            migrator.run(c, MigrationMode.MIGRATE);
            // a late process that read the versions before the winner finished records V2 pending again:
            // on a cluster this happened, and the next validate found "version 2 ... a migration was interrupted"
            SchemaMigrator.record(c, SchemaMigration.all().get(1), "pending");
            assertThat(versionRows(c)).contains("2|create replica info|applied");
            assertThat(migrator.run(c, MigrationMode.VALIDATE)).isEqualTo(migrator.expectedVersion());
        }
    }

    @Test
    void everyScriptInTheMigrationsDirectoryIsListedInOrder() throws URISyntaxException {
        File dir = new File(SchemaMigration.class.getResource("/io/kubedl/persist/mysql/migrations/").toURI());
        String[] files = dir.list((d, n) -> n.endsWith(".sql"));
        Arrays.sort(files);
        assertThat(SchemaMigration.SCRIPTS).containsExactlyInAnyOrder(files);
        List<SchemaMigration> all = SchemaMigration.all();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).version()).isEqualTo(i + 1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> versionRows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, state FROM kubedl_schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }
}
