package io.kubedl.persist.cli.output;

import io.kubedl.persist.model.PodRecord;
import java.util.List;

/** The columns of a pod row. JSON and CSV field names are {@link PodRecord}'s component names. */
public final class PodLayout {
    private static final Column<PodRecord> REGION = Column.of("region", "REGION", PodRecord::region);
    private static final Column<PodRecord> POD_ID = Column.of("podId", "UID", PodRecord::podId);
    private static final Column<PodRecord> NAME = Column.of("name", "POD", PodRecord::name);
    private static final Column<PodRecord> NAMESPACE = Column.of("namespace", "NAMESPACE", PodRecord::namespace);
    private static final Column<PodRecord> VERSION = Column.of("version", "VERSION", p -> p.version().value());
    private static final Column<PodRecord> STATUS = Column.of("status", "STATUS", p -> p.status().value());
    private static final Column<PodRecord> IMAGE = Column.of("image", "IMAGE", PodRecord::image);
    private static final Column<PodRecord> JOB_ID = Column.of("jobId", "JOB UID", PodRecord::jobId);
    private static final Column<PodRecord> REPLICA_TYPE = Column.of("replicaType", "TYPE", PodRecord::replicaType);
    private static final Column<PodRecord> RESOURCES = Column.of("resources", "RESOURCES", PodRecord::resources);
    private static final Column<PodRecord> HOST_IP = Column.of("hostIp", "HOST IP", PodRecord::hostIp);
    private static final Column<PodRecord> POD_IP = Column.of("podIp", "POD IP", PodRecord::podIp);
    private static final Column<PodRecord> IN_ETCD = Column.of("inEtcd", "IN ETCD", PodRecord::inEtcd);
    private static final Column<PodRecord> REMARK = Column.of("remark", "REMARK", PodRecord::remark);
    private static final Column<PodRecord> CREATED = Column.of("gmtCreated", "CREATED", PodRecord::gmtCreated);
    private static final Column<PodRecord> MODIFIED = Column.of("gmtModified", "MODIFIED", PodRecord::gmtModified);
    private static final Column<PodRecord> STARTED = Column.of("gmtStarted", "STARTED", PodRecord::gmtStarted);
    private static final Column<PodRecord> FINISHED = Column.of("gmtFinished", "FINISHED", PodRecord::gmtFinished);

    /** Every field for JSON and CSV; a listing's table adds the namespace and the job's UID. */
    public static final RowLayout<PodRecord> ROWS = new RowLayout<>(
            List.of(REGION, POD_ID, NAME, NAMESPACE, VERSION, STATUS, IMAGE, JOB_ID, REPLICA_TYPE, RESOURCES, HOST_IP,
                    POD_IP, IN_ETCD, REMARK, CREATED, MODIFIED, STARTED, FINISHED),
            List.of(NAMESPACE, NAME, REPLICA_TYPE, STATUS, IN_ETCD, HOST_IP, CREATED, STARTED, FINISHED, REMARK, JOB_ID));

    /** The pods of one job ({@code jobs show}): what a person reads when a job failed, the remark last. */
    public static final RowLayout<PodRecord> OF_JOB = new RowLayout<>(ROWS.all(),
            List.of(NAME, REPLICA_TYPE, STATUS, IN_ETCD, HOST_IP, CREATED, STARTED, FINISHED, REMARK));

    private PodLayout() {
    }
}
