package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A killed pooled connection surfaces as a transient error at most once, and the store recovers. */
@ExtendWith(FreshDatabaseExtension.class)
class MySqlConnectionLossTest {

    @Test
    void killedConnectionsAreTransientAndTheNextCallSucceeds(TestDatabase db) {
        try (MetaStore store = MySqlTestStores.open(db, b -> b.option(MySqlSettings.POOL_SIZE, "2"))) {
            store.jobs().save(job("a", "1", JobStatus.CREATED));
            assertThat(db.killConnections()).isPositive();
            int transientFailures = 0;
            WriteOutcome outcome = null;
            Instant deadline = Instant.now().plusSeconds(30);
            int version = 2;
            while (outcome == null && Instant.now().isBefore(deadline)) {
                try {
                    outcome = store.jobs().save(job("a", Integer.toString(version++), JobStatus.RUNNING));
                } catch (TransientPersistException e) {
                    transientFailures++;
                    assertThat(e).hasMessageContaining("save job default/job-a").hasMessageContaining(db.name());
                }
            }
            assertThat(outcome).isEqualTo(WriteOutcome.UPDATED);
            assertThat(transientFailures).as("each killed pooled connection fails at most one call").isLessThanOrEqualTo(2);
            assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        }
    }
}
