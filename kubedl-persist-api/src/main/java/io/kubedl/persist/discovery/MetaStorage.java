package io.kubedl.persist.discovery;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.DuplicateProviderException;
import io.kubedl.persist.ProviderNotFoundException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens stores. The provider is chosen by name, as KubeDL's {@code --meta-storage
 * mysql} flag does, among those found by {@link java.util.ServiceLoader} (rule P1);
 * or handed in explicitly, which does not depend on the class path at all.
 *
 * <pre>{@code
 * StorageConfig config = StorageConfigLoader.fromEnvironment().flags(args).load();
 * try (MetaStore store = MetaStorage.open(config)) {
 *     store.jobs().save(job);
 * }
 * }</pre>
 */
public final class MetaStorage {
    private static final Logger LOG = LoggerFactory.getLogger(MetaStorage.class);

    private MetaStorage() {
    }

    /**
     * Opens a store with the provider named by {@link StorageConfig#storage()}.
     *
     * @param config the configuration; its storage name is required
     * @return an open store, owned by the caller
     * @throws ConfigurationException when no storage is named
     * @throws ProviderNotFoundException when no provider has that name
     * @throws DuplicateProviderException when several providers have that name
     */
    public static MetaStore open(StorageConfig config) {
        Objects.requireNonNull(config, "config");
        String name = config.storage().orElseThrow(() -> new ConfigurationException(
                "no storage chosen; pass --meta-storage NAME or StorageConfig.builder().storage(NAME); available: "
                        + String.join(", ", providerNames())));
        return open(name, config);
    }

    /**
     * @param name a provider name, e.g. {@code mysql}
     * @param config the configuration
     * @return an open store
     * @throws ProviderNotFoundException when no provider has that name
     * @throws DuplicateProviderException when several providers have that name
     */
    public static MetaStore open(String name, StorageConfig config) {
        return open(ProviderRegistry.discover(Thread.currentThread().getContextClassLoader()).find(name), config);
    }

    /**
     * Opens a store with an explicit provider, without class path discovery.
     *
     * @param provider the provider
     * @param config the configuration
     * @return an open store
     */
    public static MetaStore open(PersistProvider provider, StorageConfig config) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        LOG.info("opening metadata store '{}' ({})", provider.name(), provider.getClass().getName());
        LOG.debug("storage configuration: {}", config);
        return provider.open(config);
    }

    /** @return the names of the providers found on the class path, sorted */
    public static List<String> providerNames() {
        return ProviderRegistry.discover(Thread.currentThread().getContextClassLoader()).names();
    }
}
