package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which driver errors are transient, which are bad values, and that messages never carry the password. */
class SqlErrorsTest {
    private final SqlErrors errors = new SqlErrors("db:3306/kubedl as kubedl", "hunter2-pw");

    @Test
    void connectionLossDeadlocksAndLockTimeoutsAreTransient() {
        assertThat(errors.translate("op", new SQLException("link failure", "08S01", 0))).isInstanceOf(TransientPersistException.class);
        assertThat(errors.translate("op", new SQLException("deadlock", "40001", 1213))).isInstanceOf(TransientPersistException.class);
        assertThat(errors.translate("op", new SQLException("lock wait", "HY000", 1205))).isInstanceOf(TransientPersistException.class);
        assertThat(errors.translate("op", new SQLTransientConnectionException("pool timeout"))).isInstanceOf(TransientPersistException.class);
        assertThat(errors.translate("op", new SQLRecoverableException("recoverable"))).isInstanceOf(TransientPersistException.class)
                .satisfies(e -> assertThat(((PersistException) e).isTransient()).isTrue());
    }

    @Test
    void aStatementClosedUnderneathByAKilledConnectionIsTransient() {
        // what Connector/J reported when KILL CONNECTION hit a batch (ConnectionKillTest)
        SQLException closed = new SQLException("No operations allowed after statement closed.", "S1009", 0);
        assertThat(errors.translate("saveAll of 1 pods", closed)).isInstanceOf(TransientPersistException.class);
        SQLException wrapped = new SQLException("batch failed", "HY000", 0, new SQLException("gone", "08S01", 0));
        assertThat(errors.translate("op", wrapped)).isInstanceOf(TransientPersistException.class);
        // the same generic state for a different reason stays permanent
        assertThat(errors.translate("op", new SQLException("Illegal argument", "S1009", 0)))
                .isNotInstanceOf(TransientPersistException.class);
    }

    @Test
    void failoverErrorsAreTransientAndEvictTheConnection() {
        // messages as the servers and Connector/J word them
        List<SQLException> failover = List.of(
                new SQLException("Connection is read-only. Queries leading to data modification are not allowed.", "S1009", 0),
                new SQLException("The MySQL server is running with the --super-read-only option so it cannot execute"
                        + " this statement", "HY000", 1290),
                new SQLException("Cannot execute statement in a READ ONLY transaction.", "25006", 1792),
                new SQLException("Running in read-only mode", "HY000", 1836),
                new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047),
                new SQLException("Error on observer while running replication hook 'before_commit'.", "HY000", 3100),
                new SQLException("Plugin instructed the server to rollback the current transaction.", "40000", 3101));
        FailoverEviction eviction = new FailoverEviction();
        for (SQLException e : failover) {
            assertThat(errors.translate("save job a/b", e)).as(e.getMessage()).isInstanceOf(TransientPersistException.class);
            assertThat(SqlErrors.isFailover(e)).as(e.getMessage()).isTrue();
            assertThat(eviction.adjudicate(e)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
            assertThat(eviction.adjudicate(new SQLException("batch failed", "HY000", 0, e)))
                    .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        }
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);
        assertThat(SqlErrors.isFailover(duplicate)).isFalse();
        assertThat(eviction.adjudicate(duplicate)).isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void refusedValuesAreInvalidRecordsAndTheRestIsPermanent() {
        assertThat(errors.translate("save job a", new SQLException("Data too long for column 'name'", "22001", 1406)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("Data too long");
        PersistException other = errors.translate("op", new SQLException("syntax", "42000", 1064));
        assertThat(other).isNotInstanceOf(TransientPersistException.class);
        assertThat(other.isTransient()).isFalse();
        assertThat(other).hasMessageContaining("op failed on db:3306/kubedl as kubedl").hasMessageContaining("error 1064");
    }

    @Test
    void p3_thePasswordIsScrubbedFromMessagesAndCauses() {
        PersistException e = errors.translate("op",
                new SQLException("cannot use jdbc:mysql://db/kubedl?user=x&password=hunter2-pw (hunter2-pw)", "08001", 0));
        assertThat(e).hasMessageNotContaining("hunter2-pw").hasMessageContaining("password=****");
        assertThat(e.getCause()).hasMessageNotContaining("hunter2-pw");
    }

    @Test
    void p3_aShortPasswordIsScrubbedToo() {
        // issue 12 item 11: passwords of one or two characters used to pass through
        for (String shortPassword : new String[] {"q", "Zx"}) {
            SqlErrors scrubbing = new SqlErrors("db:3306/kubedl as kubedl", shortPassword);
            SQLException driver = new SQLException("Access denied; password '" + shortPassword + "' rejected", "28000", 1045);
            PersistException e = scrubbing.translate("op", driver);
            assertThat(e).hasMessageNotContaining(shortPassword).hasMessageContaining("password '****' rejected");
            assertThat(e.getCause()).hasMessageNotContaining(shortPassword);
        }
    }
}
