package io.kubedl.persist.spi;

import io.kubedl.persist.config.StorageConfig;

/**
 * A storage plugin, found by {@link java.util.ServiceLoader} (rule P1) through a
 * {@code META-INF/services/io.kubedl.persist.spi.PersistProvider} entry, or handed
 * to {@link io.kubedl.persist.discovery.MetaStorage#open(PersistProvider, StorageConfig)}.
 *
 * <p>The constructor MUST be public, take no arguments and be cheap: discovery
 * instantiates every provider on the class path. All real work (connecting,
 * migrating) happens in {@link #open}.
 */
public interface PersistProvider {

    /** @return the name users choose this provider by, e.g. {@code mysql}; lower case, stable */
    String name();

    /**
     * Opens a store. Fails fast with a clear message when the backend cannot be
     * reached or the configuration is incomplete; never includes the password.
     *
     * @param config the configuration
     * @return an open store, owned by the caller
     * @throws io.kubedl.persist.ConfigurationException when the configuration is invalid
     * @throws io.kubedl.persist.PersistException when the backend cannot be opened
     */
    MetaStore open(StorageConfig config);
}
