package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/** A provider registered in test resources: opens a store that only remembers its configuration. */
public class AlphaProvider implements PersistProvider {
    @Override
    public String name() {
        return "alpha";
    }

    @Override
    public MetaStore open(StorageConfig config) {
        return new ConfigOnlyStore(name(), config);
    }
}
