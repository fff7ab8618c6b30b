package io.kubedl.persist.memory;

import io.kubedl.persist.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;

/**
 * Certifies the in-memory provider against the whole TCK. This is the class
 * docs/plugin-author-guide.md shows: keep the two identical.
 */
class InMemoryTckTest extends MetaStoreTck {

    @Override
    protected MetaStore openStore() {
        // by name, as --meta-storage memory does: this also exercises the services entry (P1)
        return MetaStorage.open("memory", StorageConfig.builder().build());
    }
}
