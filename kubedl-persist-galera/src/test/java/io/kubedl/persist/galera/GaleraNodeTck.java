package io.kubedl.persist.galera;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole TCK through one node of the cluster, on a database of its own. Writes go
 * through that node and replicate to the others; every rule must hold as on one server.
 */
abstract class GaleraNodeTck extends MetaStoreTck {
    private final GaleraNode node;
    private final String database;

    GaleraNodeTck(int index) {
        node = SharedCluster.get().node(index);
        try {
            database = SharedCluster.createDatabase("tck_n" + index);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected MetaStore openStore() {
        return SharedCluster.open(database, node, b -> b);
    }

    @Override
    protected void cleanStore(MetaStore store) throws Exception {
        try (Connection c = DriverManager.getConnection(node.jdbcUrl(database), "root", "");
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM replica_info");
            s.execute("DELETE FROM job_info");
        }
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        SharedCluster.dropDatabase(database);
    }
}
