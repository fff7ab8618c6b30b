package io.kubedl.persist.benchmark;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database for one path, with the provider's schema (the MySQL provider
 * migrates it when the store opens), so that every path writes to the same tables,
 * keys and indexes. Closing drops it.
 */
final class BenchDatabase implements AutoCloseable {
    private final TestDatabase database;
    private final MetaStore store;

    private BenchDatabase(TestDatabase database, MetaStore store) {
        this.database = database;
        this.store = store;
    }

    static BenchDatabase create(TestServer server, String prefix) {
        TestDatabase database = server.createDatabase("bench_" + prefix);
        boolean opened = false;
        try {
            BenchDatabase db = new BenchDatabase(database, MetaStorage.open(database.configBuilder().build()));
            opened = true;
            return db;
        } finally {
            // also on an Error (e.g. a provider jar that vanished): never leave a database behind
            if (!opened) {
                database.close();
            }
        }
    }

    /** @return the provider's store on this database */
    MetaStore store() {
        return store;
    }

    /** @return a new autocommit connection with the session in UTC; the caller closes it */
    Connection connect() throws SQLException {
        Connection connection = database.connect();
        try (Statement s = connection.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            database.close();
        }
    }
}
