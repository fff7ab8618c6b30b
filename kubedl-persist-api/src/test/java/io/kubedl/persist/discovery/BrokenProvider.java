package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/** A provider whose constructor fails, to prove one broken plugin does not hide the others. */
public class BrokenProvider implements PersistProvider {
    public BrokenProvider() {
        throw new IllegalStateException("this provider cannot be instantiated");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public MetaStore open(StorageConfig config) {
        throw new AssertionError("unreachable");
    }
}
