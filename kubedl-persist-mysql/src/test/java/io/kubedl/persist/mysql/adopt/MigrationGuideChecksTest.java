package io.kubedl.persist.mysql.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The verification SQL of docs/migrating-from-kubedl.md, exactly as the guide prints
 * it, run against a database adopted from KubeDL's tables (a DST zone, so two
 * offsets), and agreeing with the adoption's report.
 */
class MigrationGuideChecksTest {
    private static final Pattern CHECK = Pattern.compile("```sql\\n-- check: ([^\\n]+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCheckOfTheGuideRunsAndAgreesWithTheReport() throws IOException, SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        Matcher m = CHECK.matcher(Files.readString(Path.of("..", "docs", "migrating-from-kubedl.md")));
        while (m.find()) {
            checks.put(m.group(1).strip(), m.group(2));
        }
        assertThat(checks).containsOnlyKeys("totals", "one row per identity", "identities per table",
                "newest version kept", "time offsets");
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_guide"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.CURRENT, ZoneId.of("America/New_York")).fill(c);
            AdoptionReport report;
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                report = adoption.apply(ZoneId.of("America/New_York"));
            }
            assertThat(run(c, checks.get("totals"))).containsExactly(
                    report.jobs().rowsSeen() + "|" + report.jobs().rowsKept());
            assertThat(run(c, checks.get("one row per identity"))).isEmpty();
            // duplicates (2 rows, 1 adopted), the job deleted in KubeDL and the one that cannot be converted (0 adopted)
            assertThat(run(c, checks.get("identities per table"))).containsExactly("uid-broken||1|0", "uid-mnist||2|1",
                    "uid-old||1|0", "uid-resnet||2|1");
            assertThat(report.jobs().duplicates()).hasSize(2);
            assertThat(run(c, checks.get("newest version kept"))).isEmpty();
            assertThat(run(c, checks.get("time offsets"))).containsExactly("-300", "-240");
        }
    }

    @Test
    void theGuidesRollbackRestoresKubedlsTablesExactly() throws IOException, SQLException {
        Matcher m = Pattern.compile("```sql\\n(\\s*DROP TABLE IF EXISTS job_info, replica_info;.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "docs", "migrating-from-kubedl.md")));
        assertThat(m.find()).as("the rollback block of the guide").isTrue();
        List<String> statements = List.of(m.group(1).strip().split(";\\s*"));
        assertThat(statements).hasSize(3);
        try (TestDatabase db = TestServers.shared().createDatabase("adopt_back"); Connection c = db.connect()) {
            new KubedlScenario(KubedlSchema.SEED, ZoneId.of("Asia/Shanghai")).fill(c);
            List<String> jobs = AdoptionDatabases.dump(c, "job_info");
            List<String> pods = AdoptionDatabases.dump(c, "replica_info");
            try (KubedlAdoption adoption = KubedlAdoption.open(AdoptionDatabases.config(db))) {
                adoption.apply(ZoneId.of("Asia/Shanghai"));
            }
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement.strip());
                }
            }
            assertThat(AdoptionDatabases.tables(c)).containsExactly("job_info", "replica_info");
            assertThat(AdoptionDatabases.dump(c, "job_info")).isEqualTo(jobs);
            assertThat(AdoptionDatabases.dump(c, "replica_info")).isEqualTo(pods);
        }
    }

    private static List<String> run(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.strip().replaceAll(";$", ""))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }
}
