package io.kubedl.persist.galera;

import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cluster of this test JVM, started on first use. Without the packages every
 * test is skipped, with one log line saying what is missing.
 */
final class SharedCluster {
    private static final Logger LOG = LoggerFactory.getLogger(SharedCluster.class);
    private static GaleraCluster cluster;
    private static String unavailable;

    private SharedCluster() {
    }

    /** @return the running cluster; skips the calling test when the packages are missing */
    static synchronized GaleraCluster get() {
        if (cluster == null && unavailable == null) {
            unavailable = GaleraCluster.whyUnavailable();
            if (unavailable != null) {
                LOG.info("Galera tests skipped: {}", unavailable);
            } else {
                cluster = GaleraCluster.start();
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> "Galera tests skipped: " + unavailable);
        return cluster;
    }

    /**
     * @param prefix readable part of the name
     * @return a new empty database (created through n1, replicated to every node)
     */
    static String createDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = get().connect(get().node(1)); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        // replication is asynchronous between commit and apply: wait until every node has applied it
        for (GaleraNode n : get().nodes()) {
            try (Connection c = get().connect(n); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                s.executeQuery("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'").close();
            }
        }
        return name;
    }

    /** Drops a database this test created. */
    static void dropDatabase(String name) throws SQLException {
        try (Connection c = get().connect(get().node(1)); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    /** @return a configuration for a store on that database through the given node (root, TLS off) */
    static StorageConfig.Builder config(String database, GaleraNode node) {
        return StorageConfig.builder().storage("mysql").host("127.0.0.1").port(node.clientPort()).database(database)
                .user("root").password("").option(MySqlSettings.SSL_MODE, "DISABLED")
                .option(MySqlSettings.POOL_SIZE, "4");
    }

    /** @return a store opened with that configuration */
    static MetaStore open(StorageConfig.Builder config) {
        return MetaStorage.open(new MySqlProvider(), config.build());
    }

    /** @return a store through that node */
    static MetaStore open(String database, GaleraNode node, UnaryOperator<StorageConfig.Builder> customize) {
        return open(customize.apply(config(database, node)));
    }
}
