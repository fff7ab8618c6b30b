package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/** A working provider listed after broken services entries: discovery must still find it. */
public class LateProvider implements PersistProvider {
    @Override
    public String name() {
        return "late";
    }

    @Override
    public MetaStore open(StorageConfig config) {
        return new ConfigOnlyStore(name(), config);
    }
}
