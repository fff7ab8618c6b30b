package io.kubedl.persist.cli.output;

import io.kubedl.persist.model.JobRecord;
import java.util.List;

/** The columns of a job row. JSON and CSV field names are {@link JobRecord}'s component names. */
public final class JobLayout {
    private static final Column<JobRecord> REGION = Column.of("region", "REGION", JobRecord::region);
    private static final Column<JobRecord> JOB_ID = Column.of("jobId", "UID", JobRecord::jobId);
    private static final Column<JobRecord> NAME = Column.of("name", "NAME", JobRecord::name);
    private static final Column<JobRecord> NAMESPACE = Column.of("namespace", "NAMESPACE", JobRecord::namespace);
    private static final Column<JobRecord> KIND = Column.of("kind", "KIND", JobRecord::kind);
    private static final Column<JobRecord> VERSION = Column.of("version", "VERSION", j -> j.version().value());
    private static final Column<JobRecord> STATUS = Column.of("status", "STATUS", j -> j.status().value());
    private static final Column<JobRecord> RESOURCES = Column.of("resources", "RESOURCES", JobRecord::resources);
    private static final Column<JobRecord> TENANT = Column.of("tenant", "TENANT", JobRecord::tenant);
    private static final Column<JobRecord> OWNER = Column.of("owner", "OWNER", JobRecord::owner);
    private static final Column<JobRecord> IN_ETCD = Column.of("inEtcd", "IN ETCD", JobRecord::inEtcd);
    private static final Column<JobRecord> CREATED = Column.of("gmtCreated", "CREATED", JobRecord::gmtCreated);
    private static final Column<JobRecord> MODIFIED = Column.of("gmtModified", "MODIFIED", JobRecord::gmtModified);
    private static final Column<JobRecord> RUNNING = Column.of("gmtRunning", "RUNNING", JobRecord::gmtRunning);
    private static final Column<JobRecord> FINISHED = Column.of("gmtFinished", "FINISHED", JobRecord::gmtFinished);
    private static final Column<JobRecord> REMARK = Column.of("remark", "REMARK", JobRecord::remark);

    /** Every field for JSON and CSV; kind, namespace, name, status, in etcd, owner, times and UID in a table. */
    public static final RowLayout<JobRecord> ROWS = new RowLayout<>(
            List.of(REGION, JOB_ID, NAME, NAMESPACE, KIND, VERSION, STATUS, RESOURCES, TENANT, OWNER, IN_ETCD,
                    CREATED, MODIFIED, RUNNING, FINISHED, REMARK),
            List.of(KIND, NAMESPACE, NAME, STATUS, IN_ETCD, OWNER, CREATED, RUNNING, FINISHED, JOB_ID));

    private JobLayout() {
    }
}
