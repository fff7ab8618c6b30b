package io.kubedl.persist.cli;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.query.JobQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Every filter of a {@link JobQuery} (rule Q2) as a flag; all are ANDed. */
final class JobFilterOptions {
    /** Which flag sets which field of the query, so that a refused field names the flag. */
    static final Map<String, String> FLAG_OF_FIELD = Map.of("nameContains", "--name-contains",
            "createdFrom", "--since", "createdTo", "--until", "pageSize", "--limit", "pageToken", "--page-token");

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Exact namespace.")
    String namespace;
    @Option(names = "--name", paramLabel = "NAME", description = "Exact name.")
    String name;
    @Option(names = "--name-contains", paramLabel = "TEXT", description = "Part of the name, matched literally.")
    String nameContains;
    @Option(names = "--kind", paramLabel = "KIND", description = "Exact kind, e.g. TFJob, PyTorchJob.")
    String kind;
    @Option(names = "--status", paramLabel = "STATUS", description = "Any of these statuses; repeatable or comma-separated.")
    List<String> statuses = new ArrayList<>();
    @Option(names = "--owner", paramLabel = "USER", description = "Exact owner.")
    String owner;
    @Option(names = "--tenant", paramLabel = "TENANT", description = "Exact tenant.")
    String tenant;
    @Option(names = "--region", paramLabel = "REGION", description = "Exact deploy region ('' for none).")
    String region;
    @Option(names = "--uid", paramLabel = "UID", description = "Exact job UID.")
    String uid;
    @Option(names = "--in-etcd", paramLabel = "true|false", arity = "1",
            description = "true: still in the cluster; false: deleted from it.")
    String inEtcd;
    @Option(names = "--since", paramLabel = "TIME", description = "Created at or after: an instant, a date, or an age like 7d.")
    String since;
    @Option(names = "--until", paramLabel = "TIME", description = "Created before: an instant, a date, or an age like 1d.")
    String until;

    JobQuery.Builder builder(CliContext context) {
        Clock clock = context.clock();
        JobQuery.Builder b = JobQuery.builder().namespace(namespace).name(name).nameContains(nameContains).kind(kind)
                .statuses(StatusArgument.jobStatuses(statuses, context.err())).owner(owner).tenant(tenant).region(region).jobId(uid)
                .inEtcd(BooleanArgument.parse("--in-etcd", inEtcd));
        if (since != null) {
            b.createdFrom(TimeArgument.parse("--since", since, clock));
        }
        if (until != null) {
            b.createdTo(TimeArgument.parse("--until", until, clock));
        }
        return b;
    }

    /**
     * @param b the builder
     * @param page page size and token
     * @return the query
     * @throws UsageException naming the flag of a refused field
     */
    static JobQuery build(JobQuery.Builder b, PageOptions page) {
        try {
            return b.pageSize(page.checkedLimit()).pageToken(page.pageToken).build();
        } catch (InvalidRecordException e) {
            throw usage(e);
        }
    }

    static UsageException usage(InvalidRecordException e) {
        String flag = FLAG_OF_FIELD.get(e.field());
        String problem = e.getMessage().startsWith(e.field() + ": ") ? e.getMessage().substring(e.field().length() + 2)
                : e.getMessage();
        for (Map.Entry<String, String> other : FLAG_OF_FIELD.entrySet()) {
            problem = problem.replace(other.getKey(), other.getValue()); // "before createdTo" reads "before --until"
        }
        return new UsageException((flag == null ? e.field() : flag) + ": " + problem, e);
    }
}
