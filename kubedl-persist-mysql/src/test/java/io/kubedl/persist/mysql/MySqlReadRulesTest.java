package io.kubedl.persist.mysql;

import static io.kubedl.persist.mysql.Fixtures.T0;
import static io.kubedl.persist.mysql.Fixtures.job;
import static io.kubedl.persist.mysql.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubedl.persist.InvalidPageTokenException;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PageCursor;
import io.kubedl.persist.testkit.TestServerKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Q1..Q6 on the real server. */
class MySqlReadRulesTest extends StoreOnFreshDatabaseTest {
    @Test
    void q1_getAndFindLatestReturnTheNewestCreatedRowOfAName() {
        store.jobs().save(job("old", "1", JobStatus.SUCCEEDED).toBuilder().name("mnist").build());
        store.jobs().save(job("new", "1", JobStatus.RUNNING).toBuilder().name("mnist").gmtCreated(T0.plusSeconds(60)).build());
        store.jobs().save(job("tie", "1", JobStatus.RUNNING).toBuilder().name("mnist").kind("PyTorchJob").gmtCreated(T0.plusSeconds(90)).build());
        assertThat(store.jobs().findLatest("default", "mnist", "TFJob").orElseThrow().jobId()).isEqualTo("new");
        assertThat(store.jobs().findLatest("default", "mnist", "MPIJob")).isEmpty();
        assertThat(store.jobs().get(JobKey.of("old")).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        store.pods().save(pod("p1", "old", "mnist-worker-0", "1", PodStatus.SUCCEEDED));
        store.pods().save(pod("p2", "new", "mnist-worker-0", "1", PodStatus.RUNNING));
        assertThat(store.pods().findLatest("default", "mnist-worker-0").orElseThrow().podId())
                .as("same gmtCreated: the tie-breaker (id DESC) picks the later insert").isEqualTo("p2");
    }

    @Test
    void q2_filtersAreAndedAndOrderIsNewestFirstWithIdTieBreak() {
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(job("j" + i, "1", i % 2 == 0 ? JobStatus.RUNNING : JobStatus.FAILED).toBuilder()
                    .namespace(i < 6 ? "a" : "b").tenant("t" + (i % 3)).owner("o").kind(i % 4 == 0 ? "PyTorchJob" : "TFJob")
                    .gmtCreated(T0.plusSeconds(i / 2)).build());
        }
        store.jobs().saveAll(jobs);
        List<JobRecord> all = store.jobs().list(JobQuery.builder().pageSize(100).build()).items();
        assertThat(all).extracting(JobRecord::jobId)
                .containsExactly("j11", "j10", "j9", "j8", "j7", "j6", "j5", "j4", "j3", "j2", "j1", "j0");
        JobQuery q = JobQuery.builder().namespace("a").statuses(JobStatus.RUNNING).tenant("t0").build();
        assertThat(store.jobs().list(q).items()).extracting(JobRecord::jobId).containsExactly("j0");
        assertThat(store.jobs().count(q)).isEqualTo(1);
        JobQuery range = JobQuery.builder().createdFrom(T0.plusSeconds(1)).createdTo(T0.plusSeconds(3)).kind("TFJob").build();
        assertThat(store.jobs().list(range).items()).extracting(JobRecord::jobId).containsExactly("j5", "j3", "j2");
        assertThat(store.jobs().count(JobQuery.builder().statuses(JobStatus.RUNNING, JobStatus.FAILED).owner("o").build())).isEqualTo(12);
        assertThat(store.jobs().count(JobQuery.builder().jobId("j3").region("").inEtcd(true).name("job-j3").build())).isEqualTo(1);
    }

    @Test
    void q3_keysetPagesReturnEveryRowOnceEvenWhileRowsAreInserted() {
        List<JobRecord> jobs = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            jobs.add(job("j" + i, "1", JobStatus.RUNNING).toBuilder().gmtCreated(T0.plusSeconds(i % 7)).build());
        }
        store.jobs().saveAll(jobs);
        JobQuery q = JobQuery.builder().namespace("default").pageSize(10).build();
        List<String> seen = new ArrayList<>();
        Page<JobRecord> page = store.jobs().list(q);
        int pages = 0;
        while (true) {
            page.items().forEach(j -> seen.add(j.jobId()));
            pages++;
            // a newer row appears between pages: it sorts before the cursor and is not seen
            store.jobs().save(job("late" + pages, "1", JobStatus.RUNNING).toBuilder().gmtCreated(T0.plusSeconds(100)).build());
            if (!page.hasNext()) {
                break;
            }
            page = store.jobs().list(q.nextPage(page.nextPageToken()));
        }
        assertThat(seen).hasSize(95).doesNotHaveDuplicates().allMatch(id -> id.startsWith("j"));
        assertThat(pages).isEqualTo(10);
        String token = store.jobs().list(q).nextPageToken();
        assertThatThrownBy(() -> store.jobs().list(JobQuery.builder().namespace("other").pageToken(token).build()))
                .isInstanceOf(InvalidPageTokenException.class).hasMessageContaining("different filter");
        assertThatThrownBy(() -> store.jobs().list(q.nextPage("garbage!"))).isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void q4_podsAreOrderedByTypeThenNumericReplicaIndexThenCreation() {
        List<PodRecord> pods = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            pods.add(pod("w" + i, "j", "mnist-worker-" + i, "1", PodStatus.RUNNING));
        }
        pods.add(pod("ps", "j", "mnist-ps-0", "1", PodStatus.RUNNING).toBuilder().replicaType("ps").build());
        pods.add(pod("none", "j", "mnist-launcher", "1", PodStatus.RUNNING).toBuilder().replicaType(null).build());
        pods.add(pod("empty", "j", "mnist-x-3", "1", PodStatus.RUNNING).toBuilder().replicaType("").build());
        pods.add(pod("other", "k", "other-worker-0", "1", PodStatus.RUNNING));
        store.pods().saveAll(pods);
        List<String> expected = new ArrayList<>(List.of("none", "empty", "ps"));
        for (int i = 0; i < 12; i++) {
            expected.add("w" + i);
        }
        List<String> paged = new ArrayList<>();
        PodQuery q = PodQuery.builder().jobId("j").pageSize(4).build();
        Page<PodRecord> page = store.pods().list(q);
        while (true) {
            page.items().forEach(p -> paged.add(p.podId()));
            if (!page.hasNext()) {
                break;
            }
            page = store.pods().list(q.nextPage(page.nextPageToken()));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(store.pods().count(PodQuery.builder().jobId("j").replicaType("worker").statuses(PodStatus.RUNNING).build())).isEqualTo(12);
    }

    @Test
    void q5_aCompletedSaveIsVisibleToTheNextReadOnAnotherConnection() {
        for (int i = 0; i < 20; i++) {
            store.jobs().save(job("a", Integer.toString(i + 1), i % 2 == 0 ? JobStatus.RUNNING : JobStatus.RESTARTING));
            assertThat(store.jobs().get(JobKey.of("a")).orElseThrow().version().value()).isEqualTo(Integer.toString(i + 1));
        }
    }

    @Test
    void q6_nameContainsMatchesMetacharactersLiterally() {
        saveMetacharacterNames();
        assertLiteralMatches(store);
    }

    @Test
    void q6_nameContainsMatchesLiterallyWithNoBackslashEscapes() throws SQLException {
        // the mode is switched server-wide: only on a server this JVM owns, never on a shared external one
        assumeTrue(db.server().kind() != TestServerKind.EXTERNAL, "needs a server of its own to change the global sql_mode");
        saveMetacharacterNames();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        }
        try (MetaStore noBackslash = MySqlTestStores.open(db, b -> b.option(MySqlSettings.MIGRATION, "validate"))) {
            assertLiteralMatches(noBackslash);
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL sql_mode = REPLACE(@@GLOBAL.sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
            }
        }
    }

    private void saveMetacharacterNames() {
        String[] names = {"a%b", "a_b", "axb", "a\\b", "a'b", "a!b", "a!%b"};
        for (int i = 0; i < names.length; i++) {
            store.jobs().save(job("j" + i, "1", JobStatus.RUNNING).toBuilder().name(names[i]).build());
        }
    }

    private static void assertLiteralMatches(MetaStore store) {
        assertThat(names(store, "%")).containsExactlyInAnyOrder("a%b", "a!%b");
        assertThat(names(store, "_")).containsExactly("a_b");
        assertThat(names(store, "\\")).containsExactly("a\\b");
        assertThat(names(store, "'")).containsExactly("a'b");
        assertThat(names(store, "!")).containsExactlyInAnyOrder("a!b", "a!%b");
        assertThat(names(store, "!%")).containsExactly("a!%b");
        assertThat(names(store, "a")).hasSize(7);
    }

    private static List<String> names(MetaStore store, String contains) {
        return store.jobs().list(JobQuery.builder().nameContains(contains).build()).items().stream().map(JobRecord::name).toList();
    }

    /**
     * Issue 12 item 2: a token with a valid checksum (anyone can compute CRC32) whose
     * position holds a time no row can have escaped as java.time.DateTimeException, or
     * reached the server as a DATETIME it refuses.
     */
    @Test
    void q3_forgedTokenWithAValidChecksumAndAnImpossibleTimeIsAPageTokenError() {
        store.jobs().save(job("a", "1", JobStatus.RUNNING));
        store.pods().save(pod("p", "a", "a-worker-0", "1", PodStatus.RUNNING));
        JobQuery jobs = JobQuery.builder().pageSize(1).build();
        PodQuery pods = PodQuery.builder().pageSize(1).build();
        for (String seconds : List.of("99999999999999999", "253402300800", "-99999999999999999")) {
            String jobToken = PageCursor.encode(jobs.filterFingerprint(), List.of(seconds, "1"));
            assertThatThrownBy(() -> store.jobs().list(jobs.nextPage(jobToken)))
                    .as(seconds).isInstanceOf(InvalidPageTokenException.class);
            String podToken = PageCursor.encode(pods.filterFingerprint(), List.of("=Worker", "0", seconds, "1"));
            assertThatThrownBy(() -> store.pods().list(pods.nextPage(podToken)))
                    .as(seconds).isInstanceOf(InvalidPageTokenException.class);
        }
    }
}
