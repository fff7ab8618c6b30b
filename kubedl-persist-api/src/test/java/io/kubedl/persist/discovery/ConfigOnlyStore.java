package io.kubedl.persist.discovery;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.util.Set;

/** What the discovery test providers open: enough to see which provider and configuration were used. */
final class ConfigOnlyStore implements MetaStore {
    final String provider;
    final StorageConfig config;

    ConfigOnlyStore(String provider, StorageConfig config) {
        this.provider = provider;
        this.config = config;
    }

    @Override
    public JobPersist jobs() {
        throw new UnsupportedOperationException("discovery test store");
    }

    @Override
    public PodPersist pods() {
        throw new UnsupportedOperationException("discovery test store");
    }

    @Override
    public String providerName() {
        return provider;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public FieldLimits limits() {
        return FieldLimits.DEFAULT;
    }

    @Override
    public void close() {
    }
}
