package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.mysql.schema.TableGeneration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of KubeDL's Go tables, per generation, as gorm created them from
 * {@code pkg/storage/dmo/types.go} (it never altered a table once created, so every
 * generation is still found in the field). Also kubedl-persist's own columns, so a
 * table can be told apart from both.
 */
public final class KubedlColumns {
    /** KubeDL's job table name, also ours. */
    public static final String JOB_TABLE = "job_info";
    /** KubeDL's pod table name, also ours. */
    public static final String POD_TABLE = "replica_info";

    /** Job columns every KubeDL generation has. */
    public static final Set<String> JOB_COMMON = Set.of("id", "name", "namespace", "job_id", "version", "status", "kind",
            "resources", "deploy_region", "tenant", "owner", "deleted", "is_in_etcd", "gmt_created", "gmt_modified");
    /** Job columns of the seed era (2020): the finish time only. */
    public static final Set<String> JOB_SEED = Set.of("gmt_finished");
    /** Job columns of the current generation (mid-2021 on). */
    public static final Set<String> JOB_CURRENT = Set.of("remark", "gmt_job_running", "gmt_job_finished");
    /**
     * Job columns KubeDL had only between June and July 2021 (dashboard commit): a table
     * created then still has them. Known, never read by KubeDL since, not copied.
     */
    public static final Set<String> JOB_INTERIM = Set.of("gmt_job_submitted", "gmt_job_stopped");
    /** Pod columns every KubeDL generation has. */
    public static final Set<String> POD_COMMON = Set.of("id", "name", "namespace", "pod_id", "version", "status", "image",
            "job_id", "replica_type", "resources", "host_ip", "pod_ip", "deploy_region", "is_in_etcd", "remark",
            "gmt_created", "gmt_modified", "gmt_started", "gmt_finished");
    /** The pod's soft-delete flag of the seed era (renamed {@code deleted} in April 2020). */
    public static final String POD_SEED_DELETED = "is_del";
    /** The soft-delete flag of the current generation (jobs always, pods since April 2020). */
    public static final String DELETED = "deleted";
    /** The column only kubedl-persist's tables have. */
    public static final String OURS_MARKER = "write_nonce";

    /** kubedl-persist's job columns from V1. */
    public static final List<String> OUR_JOB_V1 = List.of("id", "name", "namespace", "job_id", "version", "status", "kind",
            "resources", "deploy_region", "tenant", "owner", "is_in_etcd", "remark", "gmt_created", "gmt_modified",
            "gmt_running", "gmt_finished", "write_nonce");
    /** kubedl-persist's pod columns from V2. */
    public static final List<String> OUR_POD_V2 = List.of("id", "name", "namespace", "pod_id", "version", "status", "image",
            "job_id", "replica_type", "replica_index", "resources", "host_ip", "pod_ip", "deploy_region", "is_in_etcd",
            "remark", "gmt_created", "gmt_modified", "gmt_started", "gmt_finished", "write_nonce");
    /** The job columns V4 adds for KubeDL's readers. */
    public static final List<String> OUR_JOB_V4 = List.of("gmt_job_running", "gmt_job_finished", "deleted");
    /** The pod column V4 adds for KubeDL's readers. */
    public static final List<String> OUR_POD_V4 = List.of("deleted");

    private KubedlColumns() {
    }

    /**
     * @param jobTable true for a job table, false for a pod table
     * @param generation a KubeDL generation
     * @return every column that generation may have
     */
    public static Set<String> known(boolean jobTable, TableGeneration generation) {
        Set<String> all = new LinkedHashSet<>(jobTable ? JOB_COMMON : POD_COMMON);
        if (jobTable) {
            all.addAll(generation == TableGeneration.KUBEDL_SEED ? JOB_SEED : JOB_CURRENT);
            if (generation == TableGeneration.KUBEDL_CURRENT) {
                all.addAll(JOB_INTERIM);
            }
        } else {
            all.add(generation == TableGeneration.KUBEDL_SEED ? POD_SEED_DELETED : DELETED);
        }
        return all;
    }
}
