package io.kubedl.persist.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.TckRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the in-memory store promises as a test double, beyond the TCK. */
class InMemoryMetaStoreTest {

    @Test
    void aFixedClockMakesTheStampedGmtModifiedDeterministic() {
        Instant fixed = Instant.parse("2026-05-01T12:00:00.750Z");
        try (MetaStore store = new InMemoryMetaStore(Clock.fixed(fixed, ZoneOffset.UTC))) {
            JobRecord job = new TckRecords().tfJob("mnist");
            store.jobs().save(job);
            store.jobs().save(job.toBuilder().version("999999").status(JobStatus.RUNNING).gmtModified(null).build());
            assertThat(store.jobs().get(job.key()).orElseThrow().gmtModified())
                    .as("W7: a status change without gmtModified stamps the clock's time, in seconds")
                    .isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        }
    }

    @Test
    void theProviderIsFoundAsMemoryAndEachOpenIsANewEmptyStore() {
        assertThat(MetaStorage.providerNames()).contains(InMemoryProvider.NAME);
        JobRecord job = new TckRecords().tfJob("mnist");
        try (MetaStore first = MetaStorage.open("memory", StorageConfig.builder().build());
                MetaStore second = MetaStorage.open("memory", StorageConfig.builder().build())) {
            first.jobs().save(job);
            assertThat(second.jobs().get(job.key())).as("stores do not share rows").isEmpty();
            assertThat(first.providerName()).isEqualTo("memory");
            assertThat(first.limits()).isEqualTo(FieldLimits.DEFAULT);
            assertThat(first.capabilities()).containsExactlyInAnyOrder(Capability.values());
            assertThatThrownBy(() -> first.capabilities().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void closeForgetsTheRowsAndRefusesEveryCall() {
        MetaStore store = new InMemoryMetaStore();
        store.jobs().save(new TckRecords().tfJob("mnist"));
        assertThat(store.toString()).contains("jobs=1");
        store.close();
        assertThat(store.toString()).contains("jobs=0");
        assertThatThrownBy(store::jobs).isInstanceOf(IllegalStateException.class).hasMessage("in-memory store is closed");
        assertThatThrownBy(store::capabilities).isInstanceOf(IllegalStateException.class);
    }
}
