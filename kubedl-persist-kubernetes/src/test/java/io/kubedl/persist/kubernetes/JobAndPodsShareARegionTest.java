package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubedl.persist.memory.InMemoryMetaStore;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.3: with KubeDL's precedence (the configured region first) a job and all its pods
 * land in one region, whatever their tenancy annotations say, so deleting the job (rule D2)
 * takes every pod. Before, the job went to its annotation's region and its pods, which carry
 * no annotation, to the configured one, and the delete left them behind.
 */
class JobAndPodsShareARegionTest {
    private static final Instant REMOVED = Instant.parse("2026-03-05T00:00:00Z");

    /** The tenancy job's worker as the fixture has it (with its own annotation), and a second worker without one. */
    private static List<Pod> podsOfTheTenancyJob() {
        Pod annotated = Fixtures.pod("pods/gpu-worker-tenancy.yaml");
        Pod plain = new PodBuilder(Fixtures.pod("pods/gpu-worker-tenancy.yaml"))
                .editMetadata().withName("ranking-tenant-worker-1").withUid("c0000000-0000-4000-8000-000000000114")
                .withAnnotations(null).endMetadata().build();
        return List.of(annotated, plain);
    }

    @Test
    void aJobAndAllItsPodsShareTheConfiguredRegionAndAreDeletedTogether() {
        JobConverter jobs = JobConverter.forRegion("cn-beijing");
        PodConverter pods = PodConverter.forRegion("cn-beijing");

        try (MetaStore store = new InMemoryMetaStore()) {
            // the job's annotation names cn-hangzhou; the configured region wins, as in KubeDL
            JobRecord job = jobs.convert(Fixtures.job("jobs/tfjob-tenancy.yaml"));
            store.jobs().save(job);
            for (Pod pod : podsOfTheTenancyJob()) {
                PodRecord record = pods.convertOrThrow(pod);
                assertThat(record.region()).isEqualTo(job.region()).isEqualTo("cn-beijing");
                assertThat(record.jobId()).isEqualTo(job.jobId());
                store.pods().save(record);
            }
            assertThat(podsOf(store, job)).hasSize(2);

            store.jobs().markRemoved(job.key(), REMOVED);
            assertThat(store.jobs().delete(job.key())).isTrue();

            assertThat(podsOf(store, job)).isEmpty();
            assertThat(store.pods().list(PodQuery.builder().jobId(job.jobId()).build()).items()).isEmpty();
        }
    }

    /** Without a configured region, the documented way keeps them together: pods converted for the job's region. */
    @Test
    void withoutAConfiguredRegionPodsConvertedForTheJobsRegionAreDeletedWithIt() {
        JobRecord job = JobConverter.forRegion("").convert(Fixtures.job("jobs/tfjob-tenancy.yaml"));
        PodConverter pods = PodConverter.forRegion(job.region());

        try (MetaStore store = new InMemoryMetaStore()) {
            store.jobs().save(job);
            podsOfTheTenancyJob().forEach(pod -> store.pods().save(pods.convertOrThrow(pod)));
            assertThat(job.region()).isEqualTo("cn-hangzhou");
            assertThat(podsOf(store, job)).hasSize(2);

            store.jobs().markRemoved(job.key(), REMOVED);
            assertThat(store.jobs().delete(job.key())).isTrue();

            assertThat(store.pods().list(PodQuery.builder().jobId(job.jobId()).build()).items()).isEmpty();
        }
    }

    private static List<PodRecord> podsOf(MetaStore store, JobRecord job) {
        return store.pods().list(PodQuery.builder().region(job.region()).jobId(job.jobId()).build()).items();
    }
}
