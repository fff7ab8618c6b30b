package io.kubedl.persist.examples.demo;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.kubernetes.JobConverter;
import io.kubedl.persist.kubernetes.PodConverter;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's story, independent of where the database comes from: open the store
 * named by the configuration ({@code --meta-storage}), replay the recorded lifecycle
 * of the jobs and their pods through the converters, then print the stored jobs, their
 * pods, and one query a user of KubeDL's console asks: the failed jobs of a namespace
 * this week.
 */
public final class LifecycleDemo {
    /** The namespace of the demo's query. */
    public static final String QUERY_NAMESPACE = "team-nlp";
    /** "This week": the query looks back this far from now. */
    public static final Duration WEEK = Duration.ofDays(7);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String runId;
    private final PrintStream out;

    /**
     * @param clock "now" of the replay (the recording is moved to end there)
     * @param runId makes this run's uids differ from other runs' in a shared database
     * @param out where the tables go
     */
    public LifecycleDemo(Clock clock, String runId, PrintStream out) {
        this.clock = clock;
        this.runId = runId;
        this.out = out;
    }

    /**
     * @param config the store to open; its provider is chosen by {@link StorageConfig#storage()}
     */
    public void run(StorageConfig config) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<ClusterEvent> events = RecordedWatchEvents.endingAt(now, runId).load();
        try (MetaStore store = MetaStorage.open(config)) {
            StoreReplayer replayer = new StoreReplayer(store, JobConverter.forRegion(config.region()), PodConverter.forRegion(config.region()), clock);
            events.forEach(replayer::apply);
            out.println("Replayed " + events.size() + " watch events into the '" + store.providerName() + "' store; write outcomes: "
                    + new TreeMap<>(replayer.outcomes()));
            out.println();

            out.println("Timeline of the jobs, as the store saw it (status changes it accepted, and removals)");
            TextTable timeline = new TextTable("TIME", "KIND", "JOB", "WHAT");
            replayer.transitions().forEach(t -> timeline.row(time(t.at()), t.job().kind(),
                    t.job().namespace() + "/" + t.job().name(), t.what()));
            out.println(timeline.render());

            List<JobRecord> jobs = storedJobs(store, replayer.jobIds());
            out.println("Stored jobs (newest first; times in UTC)");
            out.println(jobTable(jobs).render());

            out.println("Stored pods, per job (replica type, then index; a restarted worker keeps both rows)");
            out.println(podTable(store, jobs).render());

            Instant weekAgo = now.minus(WEEK);
            JobQuery failedThisWeek = JobQuery.builder().namespace(QUERY_NAMESPACE).statuses(JobStatus.FAILED)
                    .createdFrom(weekAgo).build();
            List<JobRecord> failed = store.jobs().list(failedThisWeek).items().stream()
                    .filter(job -> replayer.jobIds().contains(job.jobId())).toList();
            out.println("Query: failed jobs in namespace " + QUERY_NAMESPACE + " created this week (since "
                    + TIME.format(weekAgo) + "; this run's jobs)");
            TextTable answer = new TextTable("KIND", "NAME", "OWNER", "CREATED", "FINISHED", "DELETED FROM CLUSTER");
            failed.forEach(job -> answer.row(job.kind(), job.name(), job.owner(), time(job.gmtCreated()),
                    time(job.gmtFinished()), job.inEtcd() ? "no" : "yes"));
            out.print(answer.render());
            if (store.capabilities().contains(Capability.COUNT)) {
                out.println("(" + failed.size() + " of " + store.jobs().count(JobQuery.builder().namespace(QUERY_NAMESPACE)
                        .statuses(JobStatus.FAILED).build()) + " failed jobs ever stored for " + QUERY_NAMESPACE + ")");
            }
        }
    }

    /** Every job of this run, walking the keyset pages of the newest-first listing. */
    private static List<JobRecord> storedJobs(MetaStore store, Set<String> jobIds) {
        List<JobRecord> jobs = new ArrayList<>();
        JobQuery query = JobQuery.builder().pageSize(100).build();
        Page<JobRecord> page = store.jobs().list(query);
        while (true) {
            page.items().stream().filter(job -> jobIds.contains(job.jobId())).forEach(jobs::add);
            if (!page.hasNext()) {
                return jobs;
            }
            page = store.jobs().list(query.nextPage(page.nextPageToken()));
        }
    }

    private static TextTable jobTable(List<JobRecord> jobs) {
        TextTable table = new TextTable("KIND", "NAMESPACE", "NAME", "STATUS", "IN ETCD", "OWNER", "CREATED", "RUNNING", "FINISHED");
        for (JobRecord job : jobs) {
            table.row(job.kind(), job.namespace(), job.name(), job.status(), job.inEtcd() ? "yes" : "no", job.owner(),
                    time(job.gmtCreated()), time(job.gmtRunning()), time(job.gmtFinished()));
        }
        return table;
    }

    private static TextTable podTable(MetaStore store, List<JobRecord> jobs) {
        TextTable table = new TextTable("JOB", "POD", "TYPE", "STATUS", "IN ETCD", "HOST IP", "CREATED", "STARTED", "FINISHED", "WHY");
        Map<String, String> names = new TreeMap<>();
        jobs.forEach(job -> names.put(job.jobId(), job.name()));
        for (JobRecord job : jobs) {
            for (PodRecord pod : store.pods().list(PodQuery.ofJob(job.jobId())).items()) {
                table.row(names.get(pod.jobId()), pod.name(), pod.replicaType(), pod.status(), pod.inEtcd() ? "yes" : "no",
                        pod.hostIp(), time(pod.gmtCreated()), time(pod.gmtStarted()), time(pod.gmtFinished()),
                        abbreviate(pod.remark(), 48));
            }
        }
        return table;
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
