/**
 * Entry points of kubedl-persist: {@link io.kubedl.persist.MetaStorage} opens a
 * {@link io.kubedl.persist.spi.MetaStore} by provider name, and the exception
 * hierarchy rooted at {@link io.kubedl.persist.PersistException}.
 */
package io.kubedl.persist;
