package io.kubedl.persist.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lease row that serialises migrations across the nodes of a cluster. */
class MigrationLockTest {
    private static MigrationLock lock(String db, Duration lease, Duration maxWait) {
        return new MigrationLock(db, lease, maxWait, Duration.ofMillis(10));
    }

    @Test
    void aSecondOwnerWaitsAndStopsWaitingOnceTheWorkIsDone() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("lock_wait");
                Connection a = db.connect(); Connection b = db.connect()) {
            MigrationLock first = lock(db.name(), Duration.ofSeconds(60), Duration.ofSeconds(60));
            assertThat(first.acquire(a, () -> false)).isTrue();
            AtomicInteger checks = new AtomicInteger();
            // the holder "finishes" after the waiter looked three times
            boolean acquired = lock(db.name(), Duration.ofSeconds(60), Duration.ofSeconds(60))
                    .acquire(b, () -> checks.incrementAndGet() > 3);
            assertThat(acquired).isFalse();
            assertThat(checks.get()).isEqualTo(4);
            assertThat(owner(b)).isEqualTo(first.owner());
            first.release(a);
            assertThat(owner(b)).isNull();
        }
    }

    @Test
    void aLiveLeaseOfAnotherProcessOutlastingTheWaitIsAClearError() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("lock_busy");
                Connection a = db.connect(); Connection b = db.connect()) {
            MigrationLock first = lock(db.name(), Duration.ofSeconds(60), Duration.ofSeconds(60));
            first.acquire(a, () -> false);
            assertThatThrownBy(() -> lock(db.name(), Duration.ofSeconds(60), Duration.ZERO).acquire(b, () -> false))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("could not get the migration lock of database " + db.name())
                    .hasMessageContaining("held by " + first.owner());
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsFormerHolderLearnsItOnRenewal() throws SQLException {
        try (TestDatabase db = TestServers.shared().createDatabase("lock_expired");
                Connection a = db.connect(); Connection b = db.connect()) {
            MigrationLock dead = lock(db.name(), Duration.ofSeconds(60), Duration.ofSeconds(60));
            dead.acquire(a, () -> false);
            try (Statement s = b.createStatement()) { // as if the holder died a while ago
                s.execute("UPDATE " + MigrationLock.TABLE + " SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND");
            }
            MigrationLock next = lock(db.name(), Duration.ofSeconds(60), Duration.ofSeconds(60));
            assertThat(next.acquire(b, () -> false)).isTrue();
            assertThat(owner(b)).isEqualTo(next.owner());
            assertThatThrownBy(() -> dead.renew(a)).isInstanceOf(TransientPersistException.class)
                    .hasMessageContaining("lease expired");
            next.renew(b); // the holder renews, even twice within one second
            next.renew(b);
            dead.release(a); // releasing a lease one no longer holds removes nothing
            assertThat(owner(b)).isEqualTo(next.owner());
        }
    }

    private static String owner(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner FROM " + MigrationLock.TABLE + " WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
