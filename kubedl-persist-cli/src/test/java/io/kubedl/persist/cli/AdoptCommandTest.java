package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.cli.CliRun.Result;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import io.kubedl.persist.testkit.kubedl.KubedlJobRow;
import io.kubedl.persist.testkit.kubedl.KubedlPodRow;
import io.kubedl.persist.testkit.kubedl.KubedlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * adopt through the command line on a database filled as KubeDL's Go controller fills
 * it (the test kit's KubeDL fixtures: duplicate rows of one UID, local times): the dry
 * run reports and changes nothing, apply adopts, and the other commands then read the
 * adopted rows with their times converted to UTC.
 */
class AdoptCommandTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant CREATED = Instant.parse("2023-07-14T09:30:05Z");
    private TestDatabase db;
    private CliRun cli;

    @BeforeEach
    void kubedlDatabase() throws SQLException {
        db = TestServers.shared().createDatabase("cli_adopt");
        try (Connection c = db.connect()) {
            KubedlSchema.CURRENT.createTables(c);
            KubedlJobRow mnist = KubedlJobRow.running("mnist", "uid-mnist", "100", CREATED);
            mnist.insert(c, KubedlSchema.CURRENT, SHANGHAI);
            mnist.withVersion("101").insert(c, KubedlSchema.CURRENT, SHANGHAI); // its select-then-insert race
            KubedlPodRow.running("mnist-worker-0", "uid-w0", "uid-mnist", "200", CREATED.plusSeconds(2))
                    .insert(c, KubedlSchema.CURRENT, SHANGHAI);
        }
        cli = CliRun.on(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aDryRunReportsAndChangesNothingThenApplyAdoptsAndTheRowsRead() {
        Result plan = cli.run("adopt", "--dry-run");
        assertThat(plan.code()).as("%s", plan).isZero();
        assertThat(plan.outLines().get(0)).isEqualTo("dry run: adoption of KubeDL's tables in database " + db.name());
        assertThat(plan.out()).contains("source zone: not given; apply requires it",
                "duplicate uid-mnist region '': row ");
        assertThat(cli.run("jobs", "count").code()).as("nothing adopted yet: the schema is not ours").isEqualTo(ExitCode.FAILED);

        Result apply = cli.run("adopt", "--apply", "--source-zone", "Asia/Shanghai");
        assertThat(apply.code()).as("%s", apply).isZero();
        assertThat(apply.outLines().get(0)).isEqualTo("adoption of KubeDL's tables in database " + db.name() + ": done");
        assertThat(apply.out()).contains("source zone: Asia/Shanghai");
        assertThat(apply.outLines()).anySatisfy(line -> assertThat(line).startsWith("did: "));

        Result show = cli.run("jobs", "show", "default/mnist", "-o", "json");
        assertThat(show.code()).as("%s", show).isZero();
        assertThat(show.out()).contains("\"jobId\":\"uid-mnist\"", "\"version\":\"101\"",
                "\"gmtCreated\":\"2023-07-14T09:30:05Z\"", "\"name\":\"mnist-worker-0\"");
        assertThat(cli.run("validate").code()).isZero();

        Result again = cli.run("adopt", "--apply", "--source-zone", "Asia/Shanghai");
        assertThat(again.code()).as("%s", again).isZero();
        assertThat(again.outLines().get(0)).endsWith(": done");
        assertThat(again.outLines()).as("a second apply does nothing").noneSatisfy(line -> assertThat(line).startsWith("did: "));
    }

    @Test
    void applyNeedsAValidSourceZoneAndTheMysqlProvider() {
        Result noZone = cli.run("adopt", "--apply");
        assertThat(noZone.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noZone.errLines()).singleElement().asString().startsWith("kubedl-persist: --apply needs --source-zone ZONE");

        Result typo = cli.run("adopt", "--apply", "--source-zone", "Asia/Shangai");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.errLines()).singleElement().asString()
                .startsWith("kubedl-persist: --source-zone: source zone 'Asia/Shangai' is not a zone id");

        Result neither = cli.run("adopt");
        assertThat(neither.code()).isEqualTo(ExitCode.USAGE);
        assertThat(neither.errLines()).singleElement().asString().contains("--dry-run", "--apply");

        Result both = cli.run("adopt", "--dry-run", "--apply");
        assertThat(both.code()).isEqualTo(ExitCode.USAGE);

        Result sqlite = cli.run("adopt", "--dry-run", "--meta-storage", "sqlite");
        assertThat(sqlite.code()).isEqualTo(ExitCode.USAGE);
        assertThat(sqlite.err()).startsWith("kubedl-persist: adopt takes over KubeDL's MySQL tables");
        assertThat(cli.run("jobs", "count").code()).as("nothing was adopted").isEqualTo(ExitCode.FAILED);
    }
}
