package io.kubedl.persist;

import java.util.List;

/**
 * Two providers on the class path claim the same name (rule P1). Choosing one at
 * random would make the storage depend on class path order, so this is an error.
 */
public class DuplicateProviderException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param name the provider name asked for
     * @param classNames the classes that all answer to it
     */
    public DuplicateProviderException(String name, List<String> classNames) {
        super("more than one storage provider is named '" + name + "': " + String.join(", ", classNames)
                + " [hint: remove one of the jars, or pass a provider instance to MetaStorage.open(provider, config)]");
    }
}
