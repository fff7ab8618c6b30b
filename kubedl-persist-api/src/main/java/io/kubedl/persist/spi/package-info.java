/**
 * The service provider interface: what a storage plugin implements
 * ({@link io.kubedl.persist.spi.PersistProvider}, {@link io.kubedl.persist.spi.MetaStore},
 * {@link io.kubedl.persist.spi.JobPersist}, {@link io.kubedl.persist.spi.PodPersist}) and
 * the backend-neutral helpers every plugin should use
 * ({@link io.kubedl.persist.spi.RecordValidator}, {@link io.kubedl.persist.spi.PageCursor}).
 * Nothing here depends on fabric8 or JDBC: a plugin author needs only this jar.
 */
package io.kubedl.persist.spi;
