package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/** A provider whose class fails to initialize (a static initializer that throws), as a plugin with a broken dependency does. */
public class FailingInitProvider implements PersistProvider {
    private static final String NAME = failing();

    private static String failing() {
        throw new IllegalStateException("static initialization of this provider fails");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetaStore open(StorageConfig config) {
        throw new AssertionError("unreachable");
    }
}
