package io.kubedl.persist.mysql;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;

/** Records for the MySQL provider's tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {
    }

    static JobRecord job(String uid, String version, JobStatus status) {
        return JobRecord.builder().jobId(uid).name("job-" + uid).namespace("default").kind("TFJob")
                .version(version).status(status).gmtCreated(T0).build();
    }

    static PodRecord pod(String uid, String jobUid, String name, String version, PodStatus status) {
        return PodRecord.builder().podId(uid).jobId(jobUid).name(name).namespace("default").version(version)
                .status(status).replicaType("worker").image("busybox").gmtCreated(T0).build();
    }
}
