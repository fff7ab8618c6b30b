package io.kubedl.persist.memory;

import io.kubedl.persist.model.JobKey;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.ResourceVersion;
import io.kubedl.persist.spi.RecordValidator;
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
        return job.gmtModified() != null ? job : job.toBuilder().gmtModified(job.gmtCreated()).build();
    }

    @Override
    JobRecord updated(JobRecord stored, JobRecord in, Instant now) {
        boolean statusChanged = !in.status().equals(stored.status());
        return stored.toBuilder()
                .version(in.version())
                .status(in.status())
                .resources(in.resources())
                .tenant(in.tenant())
                .owner(in.owner())
                .remark(in.remark())
                .inEtcd(in.inEtcd())
                // W7: gmtRunning is when the job first ran, so a restart's later time never replaces it
                .gmtRunning(coalesce(stored.gmtRunning(), in.gmtRunning()))
                .gmtFinished(coalesce(in.gmtFinished(), stored.gmtFinished()))
                .gmtModified(statusChanged ? coalesce(in.gmtModified(), now) : stored.gmtModified())
                .build();
    }

    @Override
    JobRecord removed(JobRecord stored, Instant at) {
        JobRecord.Builder removed = stored.toBuilder().inEtcd(false);
        if (stored.status().isFinished()) {
            removed.gmtFinished(coalesce(stored.gmtFinished(), at));
        } else {
            removed.status(JobStatus.STOPPED).gmtFinished(at).gmtModified(at);
        }
        return removed.build();
    }
}
