package io.kubedl.persist.mysql.adopt;

import java.util.List;

/**
 * An identity (UID and region) that KubeDL stored in several rows (its
 * select-then-insert raced), and which row the adoption keeps: the newest
 * resourceVersion (KEP-5504 order); at equal versions a row already marked removed
 * from etcd (removal is terminal), then the higher id (inserted later).
 *
 * @param uid the job's or pod's UID
 * @param region the region ('' for KubeDL's NULL)
 * @param keptId the id of the row kept
 * @param keptVersion its resourceVersion
 * @param droppedIds the ids of the rows not kept, ascending
 */
public record DuplicateIdentity(String uid, String region, long keptId, String keptVersion, List<Long> droppedIds) {
}
