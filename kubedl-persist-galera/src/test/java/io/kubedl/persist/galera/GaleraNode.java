package io.kubedl.persist.galera;

import java.nio.file.Path;

/**
 * One mariadbd of the test cluster: its number, its loopback ports and its directory.
 *
 * @param index 1, 2 or 3
 * @param clientPort the SQL port
 * @param galeraPort group communication ({@code gmcast.listen_addr}, 4567 in production)
 * @param istPort incremental state transfer ({@code ist.recv_addr}, 4568)
 * @param sstPort state snapshot transfer ({@code wsrep_sst_receive_address}, 4444)
 * @param dir the node's directory: {@code data/}, error log, socket, pid file
 */
record GaleraNode(int index, int clientPort, int galeraPort, int istPort, int sstPort, Path dir) {
    /** @return the node's name in the cluster, n1..n3 */
    String name() {
        return "n" + index;
    }

    /** @return a JDBC URL for admin connections to this node */
    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + clientPort + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    /** @return the error log, where wsrep writes its state changes and SST/IST lines */
    Path errorLog() {
        return dir.resolve("err.log");
    }
}
