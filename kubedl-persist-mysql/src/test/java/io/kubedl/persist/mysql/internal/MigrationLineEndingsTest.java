package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.mysql.config.MigrationMode;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A jar built from a checkout with CRLF line endings (git's autocrlf on Windows) must
 * accept a database migrated by a jar built from an LF checkout, and the other way
 * round: the checksum of a script does not depend on its line endings.
 */
class MigrationLineEndingsTest {

    @Test
    void everyScriptHasTheSameChecksumAndStatementsWithCrlfCrOrABom() {
        for (String script : SchemaMigration.SCRIPTS) {
            String lf = resource(script);
            assertThat(lf).as("%s is checked out with LF (see .gitattributes)", script).doesNotContain("\r");
            SchemaMigration asReleased = SchemaMigration.load(script);
            for (String variant : List.of(lf.replace("\n", "\r\n"), lf.replace("\n", "\r"), "\uFEFF" + lf)) {
                SchemaMigration other = SchemaMigration.parse(script, variant);
                assertThat(other.checksum()).as("checksum of %s", script).isEqualTo(asReleased.checksum());
                assertThat(other.statements()).as("statements of %s", script).isEqualTo(asReleased.statements());
            }
        }
    }

    @Test
    void aCrlfBuildAcceptsADatabaseMigratedByAnLfBuild() throws SQLException {
        List<SchemaMigration> crlf = SchemaMigration.SCRIPTS.stream()
                .map(script -> SchemaMigration.parse(script, resource(script).replace("\n", "\r\n"))).toList();
        try (TestDatabase db = TestServers.shared().createDatabase("mig_crlf"); Connection c = db.connect()) {
            SchemaMigrator lfBuild = new SchemaMigrator(db.name());
            int version = lfBuild.run(c, MigrationMode.MIGRATE);
            SchemaMigrator crlfBuild = new SchemaMigrator(db.name(), crlf);
            assertThat(crlfBuild.run(c, MigrationMode.VALIDATE)).isEqualTo(version);
            assertThat(crlfBuild.run(c, MigrationMode.MIGRATE)).isEqualTo(version);
        }
    }

    private static String resource(String script) {
        try (InputStream in = SchemaMigration.class.getResourceAsStream("/io/kubedl/persist/mysql/migrations/" + script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
