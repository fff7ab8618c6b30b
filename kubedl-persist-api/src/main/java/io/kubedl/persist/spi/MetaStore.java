package io.kubedl.persist.spi;

import java.util.Set;

/**
 * An open store of job and pod metadata, made by {@link PersistProvider#open}. It
 * owns its connections and threads: {@link #close()} releases them all, after which
 * every method throws {@link IllegalStateException} (rule P4). Thread-safe.
 */
public interface MetaStore extends AutoCloseable {

    /** @return the jobs of this store */
    JobPersist jobs();

    /** @return the pods of this store */
    PodPersist pods();

    /** @return the name of the provider that opened this store, e.g. {@code mysql} */
    String providerName();

    /** @return the optional capabilities this store supports */
    Set<Capability> capabilities();

    /** @return the longest value this store holds for each text field (rule V2) */
    FieldLimits limits();

    /** Releases every connection and thread. Idempotent. */
    @Override
    void close();
}
