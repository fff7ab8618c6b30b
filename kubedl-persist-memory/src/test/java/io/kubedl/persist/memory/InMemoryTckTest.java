package io.kubedl.persist.memory;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;
import java.util.Optional;

/** Certifies the in-memory provider against the whole TCK (docs/plugin-author-guide.md shows this class). */
class InMemoryTckTest extends MetaStoreTck {
    private static final String SECRET = "tck-secret-memory";

    @Override
    protected MetaStore openStore() {
        // found by name, as --meta-storage memory: this exercises the services entry too (P1)
        return MetaStorage.open("memory", StorageConfig.builder().password(SECRET).build());
    }

    @Override
    protected Optional<String> secret() {
        return Optional.of(SECRET);
    }
}
