package io.kubedl.persist;

import java.util.Collection;
import java.util.List;

/**
 * No provider has the requested name (rule P1). The message lists the names that
 * were found, so a typo or a missing jar is obvious.
 */
public class ProviderNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param requested the name asked for
     * @param available the names found
     */
    public ProviderNotFoundException(String requested, Collection<String> available) {
        this(requested, available, List.of());
    }

    /**
     * @param requested the name asked for
     * @param available the names found
     * @param broken services entries that could not be loaded and may be the one asked for
     *        (their errors), said first because the jar is there but broken
     */
    public ProviderNotFoundException(String requested, Collection<String> available, Collection<String> broken) {
        super("no storage provider named '" + requested + "'; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + (broken.isEmpty() ? "" : "; a services entry that could not be loaded may be it: "
                        + String.join("; ", broken))
                + " [hint: put the provider's jar (e.g. kubedl-persist-mysql) on the class path,"
                + " or pass a provider instance to MetaStorage.open(provider, config)]");
    }
}
