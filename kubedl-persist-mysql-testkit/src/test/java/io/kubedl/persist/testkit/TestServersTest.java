package io.kubedl.persist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestServersTest {

    @Test
    void sharedServerIsResolvedOnceAndCreatesAndDropsDatabases() throws SQLException {
        TestServer server = TestServers.shared();
        assertThat(TestServers.shared()).isSameAs(server);
        String name;
        try (TestDatabase db = server.createDatabase("kit-Test")) {
            name = db.name();
            assertThat(name).startsWith("kit_test_").hasSizeLessThanOrEqualTo(64);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v VARCHAR(10) CHARACTER SET utf8mb4)");
                s.execute("INSERT INTO t VALUES ('\uD83D\uDE00')");
                try (ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("\uD83D\uDE00");
                }
            }
            assertThat(db.configBuilder().build().database()).contains(name);
            assertThat(db.toString()).doesNotContain("password");
        }
        try (Connection c = server.connect(); ResultSet rs = c.getMetaData().getCatalogs()) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isNotEqualTo(name);
            }
        }
    }

    @Test
    void killConnectionsEndsTheSessionsOfOneDatabase() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("kit_kill"); Connection victim = db.connect()) {
            assertThat(db.killConnections()).isEqualTo(1);
            assertThatThrownBy(() -> {
                try (Statement s = victim.createStatement()) {
                    s.executeQuery("SELECT 1").close();
                }
            }).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void embeddedServerRestartsOnTheSameDataDirectory() throws SQLException {
        TestServer server = TestServers.shared();
        assumeTrue(server.canRestart(), "only the embedded server can be restarted; this run uses " + server.kind());
        try (TestDatabase db = server.createDatabase("kit_restart")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INT)");
                s.execute("INSERT INTO t VALUES (42)");
            }
            server.stop();
            assertThatThrownBy(db::connect).isInstanceOf(SQLException.class);
            server.start();
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void externalUrlIsParsedWithoutItsDatabase() {
        assertThat(ExternalServerUrl.parse("jdbc:mysql://127.0.0.1:3306/test")).isEqualTo(new ExternalServerUrl("127.0.0.1", 3306));
        assertThat(ExternalServerUrl.parse("jdbc:mariadb://db.example")).isEqualTo(new ExternalServerUrl("db.example", 3306));
        assertThat(ExternalServerUrl.parse("jdbc:mysql://[::1]:3307/x?a=b")).isEqualTo(new ExternalServerUrl("[::1]", 3307));
        assertThatThrownBy(() -> ExternalServerUrl.parse("mysql://h?password=hunter2"))
                .hasMessageContaining("jdbc:mysql://HOST").hasMessageNotContaining("hunter2");
    }

    @Test
    void missingDockerSocketIsDetectedWithoutTestcontainers() {
        assertThat(DockerEngineProbe.whyUnreachable("unix:///nonexistent/docker.sock")).contains("does not exist");
        assertThat(DockerEngineProbe.whyUnreachable("tcp://127.0.0.1:1")).contains("refused");
    }
}
