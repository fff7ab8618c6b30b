package io.kubedl.persist.memory;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.spi.RecordValidator;
import io.kubedl.persist.spi.RowRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The job rows: which fields a newer version replaces and which never change (W2, W7; gmtRunning is set once). */
class JobTable extends MemoryTable<JobKey, JobRecord> {

    JobTable(RecordValidator validator, Clock clock) {
        super(validator, clock);
    }

    @Override
    JobKey key(JobRecord job) {
        return job.key();
    }

    @Override
    ResourceVersion version(JobRecord job) {
        return job.version();
    }

    @Override
    boolean inEtcd(JobRecord job) {
        return job.inEtcd();
    }

    @Override
    String describe(JobRecord job) {
        return "job " + job.namespace() + "/" + job.name() + " (" + job.key() + ")";
    }

    @Override
    JobRecord checked(JobRecord job) {
        return validator.check(job);
    }

    @Override
    List<JobRecord> checkedAll(List<JobRecord> jobs) {
        return List.copyOf(validator.checkAll(jobs, "jobs"));
    }

    @Override
    JobRecord inserted(JobRecord job) {
        return RowRules.inserted(job);
    }

    @Override
    JobRecord updated(JobRecord stored, JobRecord in, Instant now) {
        return RowRules.merged(stored, in, now);
    }

    @Override
    JobRecord removed(JobRecord stored, Instant at) {
        return RowRules.removed(stored, at);
    }
}
