/**
 * Opening a store: {@link io.kubedl.persist.discovery.MetaStorage} finds the provider named
 * by {@code --meta-storage} with {@link java.util.ServiceLoader}, or takes one handed in.
 */
package io.kubedl.persist.discovery;
