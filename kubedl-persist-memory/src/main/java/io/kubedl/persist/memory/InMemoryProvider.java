package io.kubedl.persist.memory;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;

/**
 * The provider named {@code memory} (rule P1): every {@link #open} returns a new,
 * empty {@link InMemoryMetaStore}. The configuration is accepted and ignored; the
 * region is carried by each record. Registered for {@link java.util.ServiceLoader}.
 */
public final class InMemoryProvider implements PersistProvider {
    /** The name users choose this provider by. */
    public static final String NAME = "memory";

    /** Cheap, as discovery requires. */
    public InMemoryProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetaStore open(StorageConfig config) {
        return new InMemoryMetaStore();
    }
}
