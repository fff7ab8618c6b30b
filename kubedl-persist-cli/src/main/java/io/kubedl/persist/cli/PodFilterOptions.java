package io.kubedl.persist.cli;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.query.PodQuery;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Every filter of a {@link PodQuery} (rule Q4) as a flag; all are ANDed. */
final class PodFilterOptions {
    @Option(names = "--job-uid", paramLabel = "UID", description = "Pods of the job with this UID.")
    String jobUid;
    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Exact namespace.")
    String namespace;
    @Option(names = "--name", paramLabel = "NAME", description = "Exact pod name.")
    String name;
    @Option(names = "--replica-type", paramLabel = "TYPE", description = "Exact replica type, e.g. worker, ps, master.")
    String replicaType;
    @Option(names = "--status", paramLabel = "STATUS", description = "Any of these statuses; repeatable or comma-separated.")
    List<String> statuses = new ArrayList<>();
    @Option(names = "--region", paramLabel = "REGION", description = "Exact deploy region ('' for none).")
    String region;
    @Option(names = "--in-etcd", paramLabel = "true|false", arity = "1",
            description = "true: still in the cluster; false: deleted from it.")
    String inEtcd;

    PodQuery.Builder builder(CliContext context) {
        return PodQuery.builder().jobId(jobUid).namespace(namespace).name(name).replicaType(replicaType)
                .statuses(StatusArgument.podStatuses(statuses, context.err())).region(region)
                .inEtcd(BooleanArgument.parse("--in-etcd", inEtcd));
    }

    static PodQuery build(PodQuery.Builder b, PageOptions page) {
        try {
            return b.pageSize(page.checkedLimit()).pageToken(page.pageToken).build();
        } catch (InvalidRecordException e) {
            throw JobFilterOptions.usage(e);
        }
    }
}
