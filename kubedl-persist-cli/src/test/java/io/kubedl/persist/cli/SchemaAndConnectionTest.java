package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.cli.CliRun.Result;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate and validate, the grants of the Kubernetes examples in docs/cli.md, and the
 * failures an operator meets first: an unreachable server, a wrong password, a schema
 * that is not current. Each is one line on stderr, never with the password.
 */
class SchemaAndConnectionTest {
    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestServers.shared().createDatabase("cli_schema");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private int tables() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void validateSaysNotCurrentOnAFreshDatabaseThenMigrateMakesItCurrent() throws SQLException {
        CliRun cli = CliRun.on(db);
        Result before = cli.run("validate");
        assertThat(before.code()).as("%s", before).isEqualTo(ExitCode.FAILED);
        assertThat(before.errLines()).singleElement().asString()
                .startsWith("kubedl-persist: database " + db.name() + " has schema version 0 but this kubedl-persist needs version ")
                .endsWith("[from this tool: kubedl-persist migrate]");
        assertThat(tables()).as("validate reads only").isZero();

        Result migrate = cli.run("migrate");
        assertThat(migrate.code()).as("%s", migrate).isZero();
        assertThat(migrate.out()).isEqualTo("schema is current: the 'mysql' store was migrated where it needed to be\n");
        assertThat(tables()).isGreaterThanOrEqualTo(3);

        Result after = cli.run("validate");
        assertThat(after.code()).as("%s", after).isZero();
        assertThat(after.out()).isEqualTo("schema is current\n");
        assertThat(cli.run("migrate").code()).as("a second migrate is a no-op").isZero();
    }

    @Test
    void readCommandsNeverMigrate() throws SQLException {
        Result r = CliRun.on(db).run("jobs", "list");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLines()).singleElement().asString().contains("has schema version 0");
        assertThat(tables()).isZero();
    }

    @Test
    void migrationNeedsDdlGrantsWhileValidatePurgeAndReadsNeedOnlyDml() {
        String password = "dml-only-Pw-7391";
        String user = db.createUser(password, "SELECT, INSERT, UPDATE, DELETE");
        CliRun dml = CliRun.on(db).env("MYSQL_USER", user).env("MYSQL_PASSWORD", password);

        Result denied = dml.run("migrate");
        assertThat(denied.code()).as("%s", denied).isEqualTo(ExitCode.FAILED);
        assertThat(denied.errLines()).singleElement().asString().startsWith("kubedl-persist: ").containsIgnoringCase("denied");
        assertThat(denied.err()).doesNotContain(password);

        assertThat(CliRun.on(db).run("migrate").code()).isZero();
        for (String[] command : new String[][] {{"validate"}, {"purge", "--finished-before", "90d"}, {"jobs", "list"},
            {"jobs", "count"}, {"pods", "list"}, {"pods", "count"}}) {
            Result r = dml.run(command);
            assertThat(r.code()).as("%s", r).isZero();
        }
    }

    @Test
    void anUnreachableServerIsOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free now, and nothing listens once it is closed
        }
        Result r = CliRun.bare().env("MYSQL_HOST", "127.0.0.1").env("MYSQL_PORT", Integer.toString(port))
                .env("MYSQL_USER", "root").env("MYSQL_PASSWORD", "unreachable-Pw-2291").run("jobs", "count");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("kubedl-persist: cannot reach the database: cannot open mysql store: host 127.0.0.1, port " + port);
        assertThat(r.err()).doesNotContain("unreachable-Pw-2291");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aWrongPasswordIsAccessDeniedWithoutThePassword() {
        String user = db.createUser("right-Pw-4410", "ALL PRIVILEGES");
        Result r = CliRun.on(db).env("MYSQL_USER", user).env("MYSQL_PASSWORD", "wrong-Pw-8812").run("jobs", "list");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLines()).singleElement().asString().startsWith("kubedl-persist: cannot open mysql store: host ")
                .contains("Access denied for user '" + user + "'").contains("[hint: check user and password");
        assertThat(r.err()).doesNotContain("wrong-Pw-8812").doesNotContain("right-Pw-4410");
    }

    @Test
    void verboseShowsTheConfigurationAndItsSourcesButNeverThePassword() {
        String password = "verbose-Pw-5150";
        String user = db.createUser(password, "ALL PRIVILEGES");
        PrintStream original = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Result r;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            r = CliRun.on(db).env("MYSQL_USER", user).env("MYSQL_PASSWORD", password)
                    .run("--verbose", "migrate", "--storage-option", "sslTrustStorePassword=store-Pw-6161");
        } finally {
            System.setErr(original);
        }
        assertThat(r.code()).as("%s", r).isZero();
        assertThat(r.err()).contains("configuration: StorageConfig[storage=mysql", "user=" + user, "password=****",
                "sslTrustStorePassword=****");
        assertThat(r.err()).contains("sources: storage from FLAGS, host from ENV, port from ENV, dbName from ENV, user from ENV,"
                + " password from ENV, migration from CODE, sslTrustStorePassword from FLAGS");
        String everything = r.out() + r.err() + logged.toString(StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(password).doesNotContain("store-Pw-6161");
    }

    @Test
    void aSecretDirectoryConfiguresTheStoreAsTheControllersMountedSecretDoes(@TempDir Path secret) throws IOException {
        String password = "secret-Pw-3030";
        String user = db.createUser(password, "ALL PRIVILEGES");
        Files.writeString(secret.resolve("host"), db.host() + "\n");
        Files.writeString(secret.resolve("port"), Integer.toString(db.port()));
        Files.writeString(secret.resolve("dbName"), db.name());
        Files.writeString(secret.resolve("user"), user);
        Files.writeString(secret.resolve("password"), password + "\n");
        Result r = CliRun.bare().run("migrate", "--secret-dir", secret.toString());
        assertThat(r.code()).as("%s", r).isZero();
        Result count = CliRun.bare().run("--secret-dir", secret.toString(), "jobs", "count");
        assertThat(count.code()).as("%s", count).isZero();
        assertThat(count.out()).isEqualTo("0\n");
    }
}
