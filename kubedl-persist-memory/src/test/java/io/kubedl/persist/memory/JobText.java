package io.kubedl.persist.memory;

import io.kubedl.persist.model.JobRecord;
import java.util.function.BiFunction;

/** Applies one change to every text field of a job, as a lossy column type would (mutants of V2, V3). */
final class JobText {
    private JobText() {
    }

    static JobRecord map(JobRecord job, BiFunction<String, String, String> change) {
        return job.toBuilder()
                .region(change.apply("region", job.region()))
                .jobId(change.apply("jobId", job.jobId()))
                .name(change.apply("name", job.name()))
                .namespace(change.apply("namespace", job.namespace()))
                .kind(change.apply("kind", job.kind()))
                .version(change.apply("version", job.version().value()))
                .status(change.apply("status", job.status().value()))
                .resources(change.apply("resources", job.resources()))
                .tenant(change.apply("tenant", job.tenant()))
                .owner(change.apply("owner", job.owner()))
                .remark(change.apply("remark", job.remark()))
                .build();
    }
}
