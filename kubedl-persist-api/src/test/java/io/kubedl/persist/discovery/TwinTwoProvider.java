package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/** The other of two providers registered under the same name, to prove duplicates fail. */
public class TwinTwoProvider implements PersistProvider {
    @Override
    public String name() {
        return "twin";
    }

    @Override
    public MetaStore open(StorageConfig config) {
        return new ConfigOnlyStore(name(), config);
    }
}
