package io.kubedl.persist.discovery;

import io.kubedl.persist.DuplicateProviderException;
import io.kubedl.persist.ProviderNotFoundException;
import io.kubedl.persist.spi.PersistProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The providers found by ServiceLoader, by name. Not API. */
final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** More failures than this in a row end the walk: a loader that fails on every entry must not loop for ever. */
    private static final int MOST_FAILURES = 1000;

    private final Map<String, List<PersistProvider>> byName;
    private final List<String> broken;

    private ProviderRegistry(Map<String, List<PersistProvider>> byName, List<String> broken) {
        this.byName = byName;
        this.broken = List.copyOf(broken);
    }

    /**
     * Walks the ServiceLoader's iterator itself, as SLF4J does, and catches the error of
     * a broken services entry around both {@code hasNext} (a class that is missing, or is
     * not a provider) and {@code next} (a class that fails to initialize or construct): one
     * broken plugin must not hide the working ones. The stream form of ServiceLoader gives
     * up at the first missing class.
     *
     * @param loader where to look; the api's own loader when null
     * @return the providers found
     */
    public static ProviderRegistry discover(ClassLoader loader) {
        ServiceLoader<PersistProvider> services = ServiceLoader.load(PersistProvider.class,
                loader != null ? loader : PersistProvider.class.getClassLoader());
        List<PersistProvider> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<PersistProvider> it = services.iterator();
        int failuresInARow = 0;
        while (failuresInARow < MOST_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
                failuresInARow = 0;
            } catch (ServiceConfigurationError | LinkageError e) {
                failuresInARow++;
                String problem = e.getMessage() != null ? e.getMessage() : e.toString();
                broken.add(problem);
                LOG.warn("a storage provider could not be loaded, skipping it: {}", problem);
            }
        }
        return new ProviderRegistry(byName(found), broken);
    }

    /**
     * @param providers providers to register
     * @return a registry of them
     */
    public static ProviderRegistry of(List<PersistProvider> providers) {
        return new ProviderRegistry(byName(providers), List.of());
    }

    private static Map<String, List<PersistProvider>> byName(List<PersistProvider> providers) {
        Map<String, List<PersistProvider>> byName = new TreeMap<>();
        for (PersistProvider provider : providers) {
            byName.computeIfAbsent(provider.name(), n -> new ArrayList<>()).add(provider);
        }
        return byName;
    }

    /** @return what went wrong with each services entry that could not be loaded, in discovery order */
    public List<String> broken() {
        return broken;
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
            throw new ProviderNotFoundException(name, names(), brokenCandidates(name));
        }
        if (found.size() > 1) {
            throw new DuplicateProviderException(name, found.stream().map(p -> p.getClass().getName()).toList());
        }
        return found.get(0);
    }

    /**
     * The broken entries that may be the provider asked for: a provider that cannot be
     * loaded has no name to ask, so the error, which names its class (e.g.
     * {@code ...mysql.MySqlProvider}), is matched against the name asked for.
     */
    private List<String> brokenCandidates(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return broken.stream().filter(b -> !wanted.isEmpty() && b.toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
