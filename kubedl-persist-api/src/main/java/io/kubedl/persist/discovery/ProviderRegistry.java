package io.kubedl.persist.discovery;

import io.kubedl.persist.DuplicateProviderException;
import io.kubedl.persist.ProviderNotFoundException;
import io.kubedl.persist.spi.PersistProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The providers found by ServiceLoader, by name. Not API. */
final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, List<PersistProvider>> byName;

    private ProviderRegistry(Map<String, List<PersistProvider>> byName) {
        this.byName = byName;
    }

    /**
     * @param loader where to look; the api's own loader when null
     * @return the providers found
     */
    public static ProviderRegistry discover(ClassLoader loader) {
        ServiceLoader<PersistProvider> services = ServiceLoader.load(PersistProvider.class,
                loader != null ? loader : PersistProvider.class.getClassLoader());
        return of(services.stream().map(p -> {
            try {
                return p.get();
            } catch (ServiceConfigurationError e) {
                // a broken plugin must not hide the working ones; it is reported, not fatal
                LOG.warn("storage provider {} could not be loaded: {}", p.type().getName(), e.getMessage());
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * @param providers providers to register
     * @return a registry of them
     */
    public static ProviderRegistry of(List<PersistProvider> providers) {
        Map<String, List<PersistProvider>> byName = new TreeMap<>();
        for (PersistProvider provider : providers) {
            byName.computeIfAbsent(provider.name(), n -> new ArrayList<>()).add(provider);
        }
        return new ProviderRegistry(byName);
    }

    /** @return the provider names, sorted */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * @param name a provider name
     * @return the only provider of that name
     * @throws ProviderNotFoundException when none has it
     * @throws DuplicateProviderException when several have it
     */
    public PersistProvider find(String name) {
        List<PersistProvider> found = byName.get(name);
        if (found == null) {
            throw new ProviderNotFoundException(name, names());
        }
        if (found.size() > 1) {
            throw new DuplicateProviderException(name, found.stream().map(p -> p.getClass().getName()).toList());
        }
        return found.get(0);
    }
}
