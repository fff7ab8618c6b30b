package io.kubedl.persist.mysql;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/** Opens MySQL stores on test databases, and empties them between tests. */
final class MySqlTestStores {
    private MySqlTestStores() {
    }

    /** @return a store on the database, with a small pool and TLS off (the test servers have none) */
    static MetaStore open(TestDatabase db) {
        return open(db, b -> b);
    }

    static MetaStore open(TestDatabase db, UnaryOperator<StorageConfig.Builder> customize) {
        StorageConfig config = customize.apply(db.configBuilder().option(MySqlSettings.POOL_SIZE, "4")
                .option(MySqlSettings.SSL_MODE, "DISABLED").option(MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL, "true")).build();
        return MetaStorage.open(new MySqlProvider(), config);
    }

    /** Deletes every job and pod row (the tables stay). */
    static void empty(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM replica_info");
            s.execute("DELETE FROM job_info");
        }
    }
}
