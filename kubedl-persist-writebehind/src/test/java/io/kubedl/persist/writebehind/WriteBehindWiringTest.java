package io.kubedl.persist.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the store fits into the application that embeds it: its threads and its metrics registry (issue 16.3). */
class WriteBehindWiringTest {
    private static final String PENDING = MicrometerWriteBehindMetrics.PREFIX + "pending";

    private final RecordingMetaStore delegate = new RecordingMetaStore();
    private final SimpleMeterRegistry global = new SimpleMeterRegistry();

    @BeforeEach
    void watchTheGlobalRegistry() {
        Metrics.addRegistry(global);
    }

    @AfterEach
    void forgetTheGlobalRegistry() {
        Metrics.removeRegistry(global);
    }

    private static JobRecord job(String id) {
        return JobRecord.builder().jobId(id).name("job-" + id).namespace("ns").kind("TFJob").version("1")
                .status(JobStatus.RUNNING).gmtCreated(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    @Test
    void writersComeFromTheGivenThreadFactory() {
        List<Thread> made = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread t = new Thread(task, "app-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            made.add(t);
            return t;
        };
        WriteBehindStore store = WriteBehindStore.wrap(delegate,
                WriteBehindOptions.builder().name("wired").writerThreads(2).threadFactory(factory).build());
        try {
            store.submit(job("a"));
            store.flush();
            assertThat(delegate.jobTable.get(JobKey.of("a"))).isPresent();
            assertThat(made).extracting(Thread::getName).containsExactly("app-writer-1", "app-writer-2");
            assertThat(made).allSatisfy(t -> assertThat(t.isAlive()).isTrue());
        } finally {
            assertThat(store.close(Duration.ofSeconds(5)).complete()).isTrue();
        }
        for (Thread t : made) {
            assertThat(t.isAlive()).as("writer %s stopped by close", t.getName()).isFalse();
        }
    }

    @Test
    void aThreadFactoryThatMakesNoThreadIsRefusedNamingIt() {
        WriteBehindOptions options = WriteBehindOptions.builder().threadFactory(task -> null).build();
        assertThatThrownBy(() -> WriteBehindStore.wrap(delegate, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threadFactory: returned no thread for writer 0");
    }

    @Test
    void byDefaultNoMeterReachesTheGlobalRegistry() {
        WriteBehindStore store = WriteBehindStore.wrap(delegate, WriteBehindOptions.builder().name("quiet").build());
        try {
            store.submit(job("a"));
            store.flush();
            assertThat(global.find(PENDING).gauge()).isNull();
            assertThat(global.getMeters()).isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void theGlobalRegistryIsUsedWhenAskedFor() {
        WriteBehindStore store = WriteBehindStore.wrap(delegate,
                WriteBehindOptions.builder().name("loud").globalMeterRegistry().build());
        try {
            store.submit(job("a"));
            assertThat(global.get(PENDING).tag("name", "loud").gauge().value()).isEqualTo(1);
            store.flush();
        } finally {
            store.close();
        }
        assertThat(global.find(PENDING).gauge()).as("removed on close").isNull();
    }

    @Test
    void aGivenRegistryKeepsTheMetersOutOfTheGlobalOne() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        WriteBehindStore store = WriteBehindStore.wrap(delegate,
                WriteBehindOptions.builder().name("own").meterRegistry(own).build());
        try {
            store.submit(job("a"));
            assertThat(own.get(PENDING).gauge().value()).isEqualTo(1);
            assertThat(global.find(PENDING).gauge()).isNull();
            store.flush();
        } finally {
            store.close();
        }
    }

    @Test
    void aRegistryAndTheGlobalOneTogetherAreRefused() {
        assertThatThrownBy(() -> WriteBehindOptions.builder().meterRegistry(new SimpleMeterRegistry())
                .globalMeterRegistry().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meterRegistry: give a registry or ask for the global one, not both");
    }
}
