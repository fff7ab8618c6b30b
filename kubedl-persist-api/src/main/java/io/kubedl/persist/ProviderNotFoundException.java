package io.kubedl.persist;

import java.util.Collection;

/**
 * No provider has the requested name (rule P1). The message lists the names that
 * were found, so a typo or a missing jar is obvious.
 */
public class ProviderNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param requested the provider name asked for
     * @param available the names of the providers that were found
     */
    public ProviderNotFoundException(String requested, Collection<String> available) {
        super("no storage provider named '" + requested + "'; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + " [hint: put the provider's jar (e.g. kubedl-persist-mysql) on the class path,"
                + " or pass a provider instance to MetaStorage.open(provider, config)]");
    }
}
