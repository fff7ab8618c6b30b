package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A write refused because the session is read-only, as the real server and driver
 * report it (what a demoted primary or a read-only failover produces): transient,
 * and the pool is told to evict the connection.
 */
class FailoverErrorsOnARealServerTest {

    @Test
    void aWriteInAReadOnlyTransactionIsAFailoverErrorNotBadData() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("ro"); Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("SET SESSION TRANSACTION READ ONLY");
            SQLException refused = null;
            try {
                s.execute("INSERT INTO t VALUES (1)");
            } catch (SQLException e) {
                refused = e;
            }
            assertThat(refused != null).as("the server refused the write").isTrue();
            assertThat(refused.getErrorCode()).isEqualTo(1792);
            assertThat(SqlErrors.isFailover(refused)).isTrue();
            assertThat(new SqlErrors("db", "").translate("save job a/b", refused))
                    .isInstanceOf(TransientPersistException.class);
            assertThat(new FailoverEviction().adjudicate(refused))
                    .isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);

            c.setReadOnly(true); // what Connector/J's failover does with failOverReadOnly=true
            SQLException clientSide = null;
            try {
                s.execute("SET SESSION TRANSACTION READ WRITE");
                c.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
            } catch (SQLException e) {
                clientSide = e;
            }
            assertThat(clientSide != null).as("the read-only connection refused the write").isTrue();
            assertThat(SqlErrors.isFailover(clientSide)).as(clientSide.getSQLState() + " " + clientSide.getMessage()).isTrue();
        }
    }
}
