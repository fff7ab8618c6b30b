package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.PersistException;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Host lists and session variables against the real test server (a one-node stand-in for a cluster). */
@ExtendWith(FreshDatabaseExtension.class)
class MySqlClusterOptionsOnARealServerTest {

    @Test
    void aHostListFailsOverPastADeadFirstHostToAWritableServer(TestDatabase db) throws IOException {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort(); // closed again: connecting there is refused, as to a killed node
        }
        String hosts = "127.0.0.1:" + dead + "," + db.host() + ":" + db.port();
        try (MetaStore store = MySqlTestStores.open(db, b -> b.host(null).option(MySqlSettings.HOSTS, hosts)
                .option(MySqlSettings.CONNECT_TIMEOUT_MS, "1000"))) {
            assertThat(store.jobs().save(job("ha-1", "1", JobStatus.CREATED))).isEqualTo(WriteOutcome.INSERTED);
            assertThat(store.jobs().save(job("ha-1", "2", JobStatus.RUNNING))).isEqualTo(WriteOutcome.UPDATED);
        }
    }

    @Test
    void theConnectionInitStatementIsAcceptedByTheServerAndSetsTheVariables(TestDatabase db) throws SQLException {
        MySqlSettings settings = MySqlSettings.from(db.configBuilder()
                .option(MySqlSettings.SESSION_VARIABLES, "innodb_lock_wait_timeout=7, lock_wait_timeout=9").build());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(settings.connectionInitSql());
            try (ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout, @@SESSION.lock_wait_timeout,"
                    + " @@SESSION.time_zone")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(7);
                assertThat(rs.getInt(2)).isEqualTo(9);
                assertThat(rs.getString(3)).isEqualTo("+00:00");
            }
        }
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.SESSION_VARIABLES,
                "innodb_lock_wait_timeout=7"))) {
            assertThat(store.jobs().save(job("sv-1", "1", JobStatus.CREATED))).isEqualTo(WriteOutcome.INSERTED);
        }
    }

    @Test
    void aVariableTheServerDoesNotKnowFailsOpenNamingIt(TestDatabase db) throws SQLException {
        String missing = serverKnows(db, "group_replication_consistency") ? null : "group_replication_consistency=BEFORE";
        if (missing == null) {
            missing = serverKnows(db, "wsrep_sync_wait") ? null : "wsrep_sync_wait=1";
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(missing != null, "this server knows both variables");
        String option = missing;
        assertThatThrownBy(() -> MySqlTestStores.open(db, b -> b.option(MySqlSettings.SESSION_VARIABLES, option)))
                .isInstanceOf(PersistException.class)
                .hasMessageContaining(option.substring(0, option.indexOf('=')));
    }

    private static boolean serverKnows(TestDatabase db, String variable) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE '" + variable + "'")) {
            return rs.next();
        }
    }
}
