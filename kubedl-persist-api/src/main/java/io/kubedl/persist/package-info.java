/**
 * The exception hierarchy of kubedl-persist, rooted at {@link io.kubedl.persist.PersistException}.
 * Stores are opened with {@link io.kubedl.persist.discovery.MetaStorage}.
 */
package io.kubedl.persist;
