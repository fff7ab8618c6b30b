package io.kubedl.persist.cli;

import io.kubedl.persist.cli.output.TimeFormat;
import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PageSize;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code purge --finished-before T}: hard-deletes the jobs (with their pods) and pods
 * that were removed from the cluster and finished before T (rule D4; nothing still in
 * etcd is ever purged). It first reads which rows qualify, so it can say how many
 * there are ({@code --dry-run} stops there), then purges them oldest first in slices
 * of {@code --slice} jobs, printing progress on stderr after each, and the counts on
 * stdout at the end.
 */
@Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete removed jobs and pods that finished before a time (D4).")
final class PurgeCommand extends StoreCommand {
    @Option(names = "--finished-before", required = true, paramLabel = "TIME",
            description = "An instant (2026-01-31T00:00:00Z), a date, or an age like 90d.")
    String finishedBefore;
    @Option(names = "--dry-run", description = "Only count what would be purged.")
    boolean dryRun;
    @Option(names = "--slice", paramLabel = "N", defaultValue = "1000",
            description = "Jobs per purge call between progress lines, 1..100000. Default: ${DEFAULT-VALUE}.")
    int slice = 1000;

    private Instant before;

    PurgeCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        before = TimeArgument.parse("--finished-before", finishedBefore, context.clock());
        if (slice < 1 || slice > 100_000) {
            throw new UsageException("--slice must be between 1 and 100000, was " + slice);
        }
    }

    @Override
    int run(MetaStore opened) {
        String when = TimeFormat.utc().format(before);
        Map<JobKey, Instant> jobs = finishedJobs(opened);
        List<Instant> jobTimes = new ArrayList<>(jobs.values());
        if (dryRun) {
            long pods = otherFinishedPods(opened, jobs.keySet());
            context.out().println("would purge " + jobs.size() + " jobs (with their pods) and " + pods
                    + " other pods, removed from the cluster and finished before " + when);
            return ExitCode.OK;
        }
        require(opened, Capability.PURGE, "purge");
        Collections.sort(jobTimes);
        long jobsPurged = 0;
        for (int end = slice; end < jobTimes.size(); end += slice) {
            // every job finished before this cut is one of the next slice (or an older one): oldest first
            Instant cut = jobTimes.get(end - 1).plusSeconds(1);
            if (!cut.isBefore(before)) {
                break;
            }
            jobsPurged += opened.jobs().purge(cut);
            progress("purged " + jobsPurged + " of " + jobTimes.size() + " jobs (finished before "
                    + TimeFormat.utc().format(cut) + ")");
        }
        jobsPurged += opened.jobs().purge(before);
        progress("purged " + jobsPurged + " jobs with their pods; purging the other pods");
        long podsPurged = opened.pods().purge(before);
        context.out().println("purged " + jobsPurged + " jobs (with their pods) and " + podsPurged
                + " other pods, removed from the cluster and finished before " + when);
        return ExitCode.OK;
    }

    private Map<JobKey, Instant> finishedJobs(MetaStore opened) {
        Map<JobKey, Instant> times = new HashMap<>();
        JobQuery query = JobQuery.builder().inEtcd(false).pageSize(PageSize.MAX).build();
        long scanned = 0;
        while (true) {
            Page<JobRecord> page = opened.jobs().list(query);
            for (JobRecord job : page.items()) {
                if (job.gmtFinished() != null && job.gmtFinished().isBefore(before)) {
                    times.put(job.key(), job.gmtFinished());
                }
            }
            scanned += page.items().size();
            if (!page.hasNext()) {
                return times;
            }
            progress("scanned " + scanned + " removed jobs, " + times.size() + " finished before the bound");
            query = query.nextPage(page.nextPageToken());
        }
    }

    /** Pods that qualify themselves and are not among the pods of a job being purged. */
    private long otherFinishedPods(MetaStore opened, Set<JobKey> purgedJobs) {
        long count = 0;
        PodQuery query = PodQuery.builder().inEtcd(false).pageSize(PageSize.MAX).build();
        while (true) {
            Page<PodRecord> page = opened.pods().list(query);
            count += page.items().stream().filter(p -> p.gmtFinished() != null && p.gmtFinished().isBefore(before)
                    && !purgedJobs.contains(p.jobKey())).count();
            if (!page.hasNext()) {
                return count;
            }
            query = query.nextPage(page.nextPageToken());
        }
    }

    private void progress(String line) {
        context.err().println("purge: " + line);
        context.err().flush();
    }
}
