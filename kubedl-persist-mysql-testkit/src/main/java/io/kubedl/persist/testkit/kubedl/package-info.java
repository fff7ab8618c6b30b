/**
 * Fixtures of KubeDL's Go tables: {@link io.kubedl.persist.testkit.kubedl.KubedlSchema}
 * creates {@code job_info} and {@code replica_info} of either generation exactly as
 * gorm's {@code CreateTable} made them from {@code pkg/storage/dmo/types.go}, and
 * {@link io.kubedl.persist.testkit.kubedl.KubedlJobRow} /
 * {@link io.kubedl.persist.testkit.kubedl.KubedlPodRow} insert rows as KubeDL's
 * {@code mysql.go} and converters wrote them (local times, NULL regions, '' tenants,
 * duplicate rows of one UID).
 */
package io.kubedl.persist.testkit.kubedl;
