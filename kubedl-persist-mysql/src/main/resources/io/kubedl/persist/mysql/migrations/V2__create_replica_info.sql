-- Pods (the seed's pod table, KubeDL's Go name replica_info). Append-only.
-- replica_index is the numeric suffix of the name (PodRecord.replicaIndex(), -1 when
-- none), stored so that worker-10 sorts after worker-9 through an index.
CREATE TABLE IF NOT EXISTS replica_info (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name          VARCHAR(253) NOT NULL,
  namespace     VARCHAR(253) NOT NULL,
  pod_id        VARCHAR(64)  NOT NULL,
  version       VARCHAR(32)  NOT NULL,
  status        VARCHAR(32)  NOT NULL,
  image         VARCHAR(512) NULL,
  job_id        VARCHAR(64)  NOT NULL,
  replica_type  VARCHAR(64)  NULL,
  replica_index INT          NOT NULL DEFAULT -1,
  resources     MEDIUMTEXT   NULL,
  host_ip       VARCHAR(64)  NULL,
  pod_ip        VARCHAR(64)  NULL,
  deploy_region VARCHAR(64)  NOT NULL DEFAULT '',
  is_in_etcd    TINYINT      NOT NULL DEFAULT 1,
  remark        MEDIUMTEXT   NULL,
  gmt_created   DATETIME     NOT NULL,
  gmt_modified  DATETIME     NOT NULL,
  gmt_started   DATETIME     NULL,
  gmt_finished  DATETIME     NULL,
  write_nonce   BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pod_identity (pod_id, deploy_region),
  KEY idx_pod_job_order (job_id, replica_type, replica_index, gmt_created),
  KEY idx_pod_order (replica_type, replica_index, gmt_created),
  KEY idx_pod_name (namespace, name, gmt_created),
  KEY idx_pod_status (status, replica_type, replica_index, gmt_created),
  KEY idx_pod_region_etcd (deploy_region, is_in_etcd),
  KEY idx_pod_etcd_finished (is_in_etcd, gmt_finished)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
