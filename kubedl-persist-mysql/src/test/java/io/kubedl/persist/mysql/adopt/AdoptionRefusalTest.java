package io.kubedl.persist.mysql.adopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MigrationMode;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad cases give a clear error that says what to do, and nothing is lost: a zone that
 * is no zone id, no zone, unknown columns, a half-adopted database, KubeDL's tables
 * under version rows, missing grants.
 */
class AdoptionRefusalTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void aZoneThatIsNoZoneIdOrNoZoneIsRefusedNamingTheValueAndWhatIsAccepted() throws SQLException {
        assertThatThrownBy(() -> KubedlAdoption.zone("Asia/Shangai")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'Asia/Shangai' is not a zone id").hasMessageContaining("Asia/Shanghai");
        assertThatThrownBy(() -> KubedlAdoption.zone(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("source zone is required");
        assertThat(KubedlAdoption.zone("+08:00")).isEqualTo(ZoneId.of("+08:00"));
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_nozone"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThatThrownBy(() -> adoption.apply(null)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("source zone is required");
            }
            assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");
        }
    }

    @Test
    void adoptIsNeverAStartUpModeOfAController() throws SQLException {
        assertThatThrownBy(() -> MigrationMode.parse("adopt")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("migration=adopt is not a start-up mode").hasMessageContaining("KubedlAdoption");
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_mode"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.SEED, ZONE).fill(c);
            assertThatThrownBy(() -> MetaStorage.open(new MySqlProvider(),
                    AdoptionDatabases.builder(db).option("migration", "adopt").build()).close())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a start-up mode");
            assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");
        }
    }

    @Test
    void aTableOfOurNameWithUnknownColumnsIsRefusedAndUntouched() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_unknown"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE job_info ADD COLUMN cost_center VARCHAR(32)");
            }
            List<String> before = AdoptionDatabases.dump(c, "job_info");
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                AdoptionReport plan = adoption.plan(ZONE);
                assertThat(plan.canApply()).isFalse();
                assertThat(plan.problems()).singleElement().asString().contains("unknown columns [cost_center]");
                assertThatThrownBy(() -> adoption.apply(ZONE)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("job_info is neither KubeDL's nor kubedl-persist's (unknown columns [cost_center])");
            }
            assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");
            assertThat(AdoptionDatabases.dump(c, "job_info")).isEqualTo(before);
        }
    }

    @Test
    void aHalfAdoptedDatabaseIsRefusedWithHowToRestoreIt() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_half"); Connection c = db.connect()) {
            // job_info is KubeDL's, replica_info is ours (tables moved by hand)
            KubedlSchema.CURRENT.createTables(c);
            try (Statement s = c.createStatement()) {
                s.execute("RENAME TABLE job_info TO job_info_keep");
                s.execute("DROP TABLE replica_info");
            }
            MetaStorage.open(new MySqlProvider(), AdoptionDatabases.builder(db).build()).close();
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE job_info");
                s.execute("RENAME TABLE job_info_keep TO job_info");
                s.execute("DELETE FROM kubedl_schema_version");
            }
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThat(adoption.plan(ZONE).problems()).anyMatch(p -> p.startsWith("half-adopted: job_info (KubeDL current)"
                        + " and replica_info (kubedl-persist) hold the two names"));
                assertThatThrownBy(() -> adoption.apply(ZONE)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("half-adopted");
            }
            assertThat(AdoptionDatabases.tables(c)).doesNotContain("job_info_kubedl_backup", "kubedl_adoption");
        }
    }

    @Test
    void kubedlTablesUnderVersionRowsAreRefusedWithTheStepThatUnblocks() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_rows"); Connection c = db.connect()) {
            MetaStorage.open(new MySqlProvider(), AdoptionDatabases.builder(db).build()).close();
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE job_info");
                s.execute("DROP TABLE replica_info");
            }
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThatThrownBy(() -> adoption.apply(ZONE)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("kubedl_schema_version has rows, but the tables are KubeDL's")
                        .hasMessageContaining("rename kubedl_schema_version away, then run adopt again");
            }
            try (Statement s = c.createStatement()) {
                s.execute("RENAME TABLE kubedl_schema_version TO kubedl_schema_version_old");
            }
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThat(adoption.apply(ZONE).jobs().rowsCopied()).isEqualTo(3);
            }
        }
    }

    @Test
    void missingGrantsAreNamedAndNothingIsLostOrHalfDone() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_grants"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZONE).fill(c);
            List<String> before = AdoptionDatabases.dump(c, "job_info");
            String user = db.createUser("adopt-grants-pw-93", "SELECT, INSERT, UPDATE, DELETE");
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.builder(db).user(user)
                    .password("adopt-grants-pw-93").build())) {
                assertThat(adoption.plan(ZONE).canApply()).isTrue();
                assertThatThrownBy(() -> adoption.apply(ZONE)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("missing grant for the adoption of database " + db.name() + " as " + user)
                        .hasMessageContaining("CREATE, ALTER, DROP and INDEX").hasMessageContaining("run adopt again")
                        .hasMessageNotContaining("adopt-grants-pw-93");
            }
            assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");
            assertThat(AdoptionDatabases.dump(c, "job_info")).isEqualTo(before);
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                assertThat(adoption.apply(ZONE).jobs().rowsCopied()).isEqualTo(3);
            }
        }
    }
}
