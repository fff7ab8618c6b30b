package io.kubedl.persist.examples.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.WriteOutcome;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the TCK cannot know about this provider: how it is found and configured, that
 * a file database survives a restart, and how it treats a file it cannot read. The
 * contract itself is certified by {@code SqliteTckTest}.
 */
class SqliteProviderTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void isFoundByNameAsTheMetaStorageFlagDoes() {
        StorageConfig config = StorageConfigLoader.fromEnvironment(Map.of()).flags("--meta-storage", "sqlite").load();
        assertThat(MetaStorage.providerNames()).contains("sqlite");
        try (MetaStore store = MetaStorage.open(config)) {
            assertThat(store.providerName()).isEqualTo("sqlite");
            assertThat(store.capabilities()).containsExactlyInAnyOrder(Capability.values());
        }
    }

    @Test
    void aFileDatabaseKeepsItsRowsAcrossARestart(@TempDir Path dir) {
        StorageConfig config = StorageConfig.builder().storage("sqlite")
                .option(SqliteProvider.OPTION_PATH, dir.resolve("kubedl.db").toString()).build();
        JobRecord job = job("uid-1", "mnist", "7");
        try (MetaStore store = MetaStorage.open(config)) {
            assertThat(store.jobs().save(job)).isEqualTo(WriteOutcome.INSERTED);
            assertThat(store.pods().save(pod("pod-1", "uid-1", "mnist-worker-0"))).isEqualTo(WriteOutcome.INSERTED);
        }
        try (MetaStore reopened = MetaStorage.open(config)) {
            assertThat(reopened.jobs().get(JobKey.of("uid-1"))).contains(job.toBuilder().gmtModified(T0).build());
            assertThat(reopened.pods().list(PodQuery.ofJob("uid-1")).items()).extracting(PodRecord::name)
                    .containsExactly("mnist-worker-0");
            assertThat(reopened.jobs().save(job)).isEqualTo(WriteOutcome.UNCHANGED);
        }
    }

    @Test
    void twoInMemoryStoresShareNothing() {
        StorageConfig config = StorageConfig.builder().storage("sqlite").build();
        try (MetaStore one = MetaStorage.open(config); MetaStore two = MetaStorage.open(config)) {
            one.jobs().save(job("uid-1", "mnist", "1"));
            assertThat(two.jobs().get(JobKey.of("uid-1"))).isEmpty();
        }
    }

    @Test
    void aFileOfANewerSchemaIsRefusedNotMisread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StorageConfig config = StorageConfig.builder().storage("sqlite").option("path", file.toString()).build();
        assertThatThrownBy(() -> MetaStorage.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void aPathInAMissingDirectoryIsAConfigurationErrorNamingTheOption(@TempDir Path dir) {
        StorageConfig config = StorageConfig.builder().storage("sqlite")
                .option("path", dir.resolve("no/such/dir/kubedl.db").toString()).build();
        assertThatThrownBy(() -> MetaStorage.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("option path");
    }

    @Test
    void aBadBusyTimeoutIsRefusedWithItsRange() {
        StorageConfig config = StorageConfig.builder().storage("sqlite").option("busyTimeoutMillis", "-1").build();
        assertThatThrownBy(() -> MetaStorage.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("busyTimeoutMillis must be between 0 and 600000");
    }

    @Test
    void pagesOfEqualCreationTimesWalkEveryRowOnceAndLikeIsLiteral() {
        try (MetaStore store = MetaStorage.open(StorageConfig.builder().storage("sqlite").build())) {
            List<JobRecord> jobs = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                jobs.add(job("uid-" + i, i % 2 == 0 ? "a_b%" + i : "aXbY" + i, "1"));
            }
            store.jobs().saveAll(jobs);
            JobQuery query = JobQuery.builder().pageSize(3).build();
            List<String> seen = new ArrayList<>();
            Page<JobRecord> page = store.jobs().list(query);
            seen.addAll(page.items().stream().map(JobRecord::jobId).toList());
            while (page.hasNext()) {
                page = store.jobs().list(query.nextPage(page.nextPageToken()));
                seen.addAll(page.items().stream().map(JobRecord::jobId).toList());
            }
            assertThat(seen).containsExactly("uid-6", "uid-5", "uid-4", "uid-3", "uid-2", "uid-1", "uid-0");
            assertThat(store.jobs().count(JobQuery.builder().nameContains("_b%").build())).isEqualTo(4);
            assertThat(store.jobs().count(JobQuery.builder().nameContains("A_B").build())).isZero();
        }
    }

    @Test
    void markRemovedStopsAnUnfinishedJobAndLaterSavesAreStale() {
        try (MetaStore store = MetaStorage.open(StorageConfig.builder().storage("sqlite").build())) {
            JobRecord job = job("uid-1", "mnist", "5").withStatus(JobStatus.RUNNING);
            store.jobs().save(job);
            Instant removed = T0.plusSeconds(3600);
            assertThat(store.jobs().markRemoved(job.key(), removed)).isEqualTo(WriteOutcome.UPDATED);
            assertThat(store.jobs().markRemoved(job.key(), removed)).isEqualTo(WriteOutcome.UNCHANGED);
            assertThat(store.jobs().get(job.key())).hasValueSatisfying(stored -> {
                assertThat(stored.status()).isEqualTo(JobStatus.STOPPED);
                assertThat(stored.gmtFinished()).isEqualTo(removed);
                assertThat(stored.inEtcd()).isFalse();
            });
            assertThat(store.jobs().save(job.withVersion("6"))).isEqualTo(WriteOutcome.STALE);
            assertThat(store.jobs().purge(removed.plusSeconds(1))).isEqualTo(1);
            assertThat(store.jobs().get(job.key())).isEmpty();
        }
    }

    @Test
    void aFileLockedByAnotherProcessIsATransientFailureAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.db");
        StorageConfig config = StorageConfig.builder().storage("sqlite").option("path", file.toString())
                .option(SqliteProvider.OPTION_BUSY_TIMEOUT, "0").build();
        try (MetaStore store = MetaStorage.open(config);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> store.jobs().save(job("uid-1", "mnist", "1")))
                    .isInstanceOf(TransientPersistException.class)
                    .hasMessageContaining("save job failed");
            s.execute("ROLLBACK");
            assertThat(store.jobs().save(job("uid-1", "mnist", "1"))).isEqualTo(WriteOutcome.INSERTED);
        }
    }

    @Test
    void twoStoresSharingOneFileEndWithTheHighestVersion(@TempDir Path dir) throws Exception {
        // two stores on one file stand in for two processes: each has its own connection and lock
        StorageConfig config = StorageConfig.builder().storage("sqlite").option("path", dir.resolve("two.db").toString()).build();
        try (MetaStore one = MetaStorage.open(config); MetaStore two = MetaStorage.open(config)) {
            int versions = 200;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<WriteOutcome>> writes = new ArrayList<>();
                for (int v = 1; v <= versions; v++) {
                    MetaStore store = v % 2 == 0 ? one : two;
                    JobRecord job = job("uid-shared", "mnist", Integer.toString(v));
                    writes.add(pool.submit(() -> store.jobs().save(job)));
                }
                long inserted = 0;
                for (Future<WriteOutcome> write : writes) {
                    inserted += write.get(60, TimeUnit.SECONDS) == WriteOutcome.INSERTED ? 1 : 0;
                }
                assertThat(inserted).as("exactly one insert (I2)").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(two.jobs().get(JobKey.of("uid-shared"))).hasValueSatisfying(
                    stored -> assertThat(stored.version().value()).isEqualTo(Integer.toString(versions)));
            assertThat(one.jobs().count(JobQuery.builder().build())).isEqualTo(1);
        }
    }

    @Test
    void everyMethodRefusesUseAfterClose() {
        MetaStore store = MetaStorage.open(StorageConfig.builder().storage("sqlite").build());
        var jobs = store.jobs();
        store.close();
        store.close();
        assertThatThrownBy(() -> jobs.get(JobKey.of("x"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(store::pods).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    static JobRecord job(String uid, String name, String version) {
        return JobRecord.builder().jobId(uid).name(name).namespace("default").kind("TFJob").version(version)
                .status(JobStatus.CREATED).gmtCreated(T0).owner("alice").build();
    }

    static PodRecord pod(String uid, String jobUid, String name) {
        return PodRecord.builder().podId(uid).jobId(jobUid).name(name).namespace("default").version("1")
                .replicaType("worker").image("tf:2.16").gmtCreated(T0).build();
    }
}
