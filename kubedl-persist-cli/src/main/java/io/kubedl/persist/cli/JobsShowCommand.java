package io.kubedl.persist.cli;

import io.kubedl.persist.cli.output.JobLayout;
import io.kubedl.persist.cli.output.PodLayout;
import io.kubedl.persist.cli.output.RowPrinter;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PageSize;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs show NAMESPACE/NAME} (the newest row of that name: a job deleted and
 * re-created under one name has several) or {@code jobs show --uid UID}: the job's
 * fields, then all its pods in the Q4 order, then why its pods failed.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one job (the newest of that name, or by --uid) with its pods.")
final class JobsShowCommand extends StoreCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAMESPACE/NAME", description = "The job; the newest row of that name.")
    String reference;
    @Option(names = "--uid", paramLabel = "UID", description = "The job's UID instead of its name.")
    String uid;
    @Option(names = "--kind", paramLabel = "KIND", description = "Only a job of this kind (when kinds share a name).")
    String kind;
    @Option(names = "--region", paramLabel = "REGION", description = "Only a job of this deploy region.")
    String region;
    @Mixin
    OutputOptions output;

    private JobQuery query;

    JobsShowCommand(CliContext context) {
        super(context);
    }

    @Override
    void prepare() {
        if ((reference == null) == (uid == null)) {
            throw new UsageException("jobs show takes NAMESPACE/NAME or --uid UID (one of them)");
        }
        JobQuery.Builder b = JobQuery.builder().kind(kind).region(region).pageSize(1);
        if (reference != null) {
            int slash = reference.indexOf('/');
            if (slash <= 0 || slash == reference.length() - 1 || reference.indexOf('/', slash + 1) >= 0) {
                throw new UsageException("NAMESPACE/NAME: expected one slash between namespace and name, was '" + reference + "'");
            }
            b.namespace(reference.substring(0, slash)).name(reference.substring(slash + 1));
        } else {
            b.jobId(uid);
        }
        query = b.build();
    }

    @Override
    int run(MetaStore opened) {
        List<JobRecord> found = opened.jobs().list(query).items();
        if (found.isEmpty()) {
            throw new OperationFailedException("no job " + (reference != null ? reference : "with UID " + uid)
                    + (kind != null ? " of kind " + kind : "") + (region != null ? " in region '" + region + "'" : "")
                    + " in the '" + opened.providerName() + "' store");
        }
        JobRecord job = found.get(0);
        List<PodRecord> pods = podsOf(opened, job);
        RowPrinter printer = output.printer(context);
        PrintWriter out = context.out();
        switch (output.format) {
            case JSON -> out.println(printer.json(JobLayout.ROWS.all(), job,
                    new RowPrinter.Nested<>("pods", PodLayout.OF_JOB.all(), pods)));
            case CSV -> {
                printer.print(JobLayout.ROWS, List.of(job));
                out.print("\r\n");
                printer.print(PodLayout.OF_JOB, pods);
            }
            case TEXT -> printText(printer, job, pods);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Every pod of the job, page after page, in the Q4 order. */
    private static List<PodRecord> podsOf(MetaStore opened, JobRecord job) {
        List<PodRecord> pods = new ArrayList<>();
        PodQuery query = PodQuery.builder().jobId(job.jobId()).region(job.region()).pageSize(PageSize.MAX).build();
        while (true) {
            Page<PodRecord> page = opened.pods().list(query);
            pods.addAll(page.items());
            if (!page.hasNext()) {
                return pods;
            }
            query = query.nextPage(page.nextPageToken());
        }
    }

    private void printText(RowPrinter printer, JobRecord job, List<PodRecord> pods) {
        PrintWriter out = context.out();
        field(out, "job", job.kind() + " " + job.namespace() + "/" + job.name());
        field(out, "uid", job.jobId());
        field(out, "region", job.region().isEmpty() ? "(none)" : job.region());
        field(out, "status", job.status().value() + (job.inEtcd() ? ", in the cluster" : ", deleted from the cluster"));
        field(out, "owner", printer.text(job.owner()));
        field(out, "tenant", printer.text(job.tenant()));
        field(out, "created", printer.text(job.gmtCreated()));
        field(out, "running", printer.text(job.gmtRunning()) + since(job.gmtCreated(), job.gmtRunning(), "after creation"));
        field(out, "finished", printer.text(job.gmtFinished())
                + since(job.gmtRunning() != null ? job.gmtRunning() : job.gmtCreated(), job.gmtFinished(),
                        job.gmtRunning() != null ? "after it started running" : "after creation"));
        field(out, "last change", printer.text(job.gmtModified()));
        field(out, "version", job.version().value());
        field(out, "remark", printer.text(job.remark()));
        field(out, "resources", printer.text(job.resources()));
        out.println();
        out.println("pods (" + pods.size() + "; by replica type, then index):");
        printer.print(PodLayout.OF_JOB, pods);
        List<PodRecord> failed = pods.stream().filter(p -> p.status().equals(PodStatus.FAILED)).toList();
        if (!failed.isEmpty()) {
            out.println();
            out.println("failed pods:");
            for (PodRecord pod : failed) {
                out.println("  " + pod.name() + " (" + printer.text(pod.replicaType()) + ") failed at "
                        + printer.text(pod.gmtFinished()) + ": " + printer.text(pod.remark()));
            }
        }
    }

    private static void field(PrintWriter out, String name, String value) {
        out.println(String.format("%-12s %s", name, value));
    }

    private static String since(Instant from, Instant to, String what) {
        if (from == null || to == null || to.isBefore(from)) {
            return "";
        }
        Duration d = Duration.between(from, to);
        return "   (" + (d.toHours() > 0 ? d.toHours() + "h " : "") + d.toMinutesPart() + "m " + d.toSecondsPart() + "s "
                + what + ")";
    }
}
