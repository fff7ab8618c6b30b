package io.kubedl.persist.memory;

import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.util.Set;

/** A store that forwards everything to another; mutants override what they break. */
class ForwardingMetaStore implements MetaStore {
    final MetaStore delegate;

    ForwardingMetaStore(MetaStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public JobPersist jobs() {
        return delegate.jobs();
    }

    @Override
    public PodPersist pods() {
        return delegate.pods();
    }

    @Override
    public String providerName() {
        return delegate.providerName();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public FieldLimits limits() {
        return delegate.limits();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
