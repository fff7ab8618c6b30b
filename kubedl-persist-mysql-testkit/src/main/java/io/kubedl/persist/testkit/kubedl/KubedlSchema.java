package io.kubedl.persist.testkit.kubedl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * KubeDL's table generations, as gorm v1's {@code CreateTable} issued them for MySQL:
 * columns in struct order, every column but {@code id} nullable (gorm adds NOT NULL
 * only where a tag says so), the primary key the only index, no table options (so the
 * database's default character set). KubeDL created a table only when it was missing
 * and never altered one, so every generation is still found in the field.
 */
public enum KubedlSchema {
    /**
     * KubeDL v0.3 (April 2020, the seed document): job {@code gmt_finished}, no remark;
     * pod {@code is_del}.
     */
    SEED,
    /**
     * Mid-2021 to today: job {@code remark}, {@code gmt_job_running}, {@code gmt_job_finished};
     * pod {@code deleted}.
     */
    CURRENT;

    /** @return gorm's CREATE TABLE of {@code job_info} of this generation */
    public String jobTableDdl() {
        return "CREATE TABLE `job_info` (`id` bigint unsigned AUTO_INCREMENT NOT NULL,`name` varchar(128),"
                + "`namespace` varchar(128),`job_id` varchar(64),`version` varchar(32),`status` varchar(32),"
                + "`kind` varchar(32),`resources` text,`deploy_region` varchar(64),`tenant` varchar(255),"
                + "`owner` varchar(255),`deleted` tinyint(4),`is_in_etcd` tinyint(4),"
                + (this == SEED ? "" : "`remark` text,")
                + "`gmt_created` datetime,`gmt_modified` datetime,"
                + (this == SEED ? "`gmt_finished` datetime" : "`gmt_job_running` datetime,`gmt_job_finished` datetime")
                + " , PRIMARY KEY (`id`))";
    }

    /** @return gorm's CREATE TABLE of {@code replica_info} of this generation */
    public String podTableDdl() {
        return "CREATE TABLE `replica_info` (`id` bigint unsigned AUTO_INCREMENT NOT NULL,`name` varchar(128),"
                + "`namespace` varchar(128),`pod_id` varchar(64),`version` varchar(32),`status` varchar(32),"
                + "`image` varchar(255),`job_id` varchar(64),`replica_type` varchar(32),`resources` varchar(1024),"
                + "`host_ip` varchar(64),`pod_ip` varchar(64),`deploy_region` varchar(64),"
                + (this == SEED ? "`is_del` tinyint(4)," : "`deleted` tinyint(4),")
                + "`is_in_etcd` tinyint(4),`remark` text,`gmt_created` datetime,`gmt_modified` datetime,"
                + "`gmt_started` datetime,`gmt_finished` datetime , PRIMARY KEY (`id`))";
    }

    /** @return the name of the pod table's soft-delete column */
    public String podDeletedColumn() {
        return this == SEED ? "is_del" : "deleted";
    }

    /**
     * Creates both tables, as KubeDL's persist controller does at its first start.
     *
     * @param c a connection to the database
     * @throws SQLException when the server refuses
     */
    public void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(podTableDdl());
            s.execute(jobTableDdl());
        }
    }
}
