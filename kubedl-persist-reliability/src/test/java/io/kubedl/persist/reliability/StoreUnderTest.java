package io.kubedl.persist.reliability;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.reliability.logging.CapturingAppender;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.util.function.UnaryOperator;

/**
 * A store the reliability tests write to, and what it lives on: the in-memory
 * provider (to prove a harness before it meets a server) or the MySQL provider on a
 * fresh database of the test kit's shared server. Closing it closes the store and
 * drops the database.
 *
 * @param store the open store
 * @param database the database it lives in, or null for the in-memory provider
 */
public record StoreUnderTest(MetaStore store, TestDatabase database) implements AutoCloseable {

    /** @return a fresh in-memory store */
    public static StoreUnderTest memory() {
        return new StoreUnderTest(MetaStorage.open("memory", StorageConfig.builder().storage("memory").build()), null);
    }

    /**
     * @param prefix start of the database name
     * @return the MySQL provider on a fresh database, migrated
     */
    public static StoreUnderTest mysql(String prefix) {
        return mysql(prefix, b -> b);
    }

    /**
     * @param prefix start of the database name
     * @param options adds provider options to the configuration
     * @return the MySQL provider on a fresh database, migrated
     */
    public static StoreUnderTest mysql(String prefix, UnaryOperator<StorageConfig.Builder> options) {
        TestDatabase database = TestServers.shared().createDatabase(prefix);
        CapturingAppender.registerSecret(database.password());
        try {
            return new StoreUnderTest(MetaStorage.open(options.apply(database.configBuilder()).build()), database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
