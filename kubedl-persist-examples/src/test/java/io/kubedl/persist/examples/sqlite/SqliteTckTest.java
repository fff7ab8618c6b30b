package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

/**
 * Certifies the SQLite plugin against the whole contract. A file database (in WAL
 * mode, as in production) rather than memory, so that every store the TCK opens sees
 * the same rows; between tests the tables are emptied through a second connection.
 * SQLite has no password, but the configuration it is opened with carries one, so P3
 * checks that the plugin never echoes it.
 */
class SqliteTckTest extends MetaStoreTck {
    private static final String SECRET = "tck-secret-9f3a";
    private final Path file = createFile();

    @Override
    protected MetaStore openStore() {
        return MetaStorage.open(new SqliteProvider(),
                StorageConfig.builder().password(SECRET).option("path", file.toString()).build());
    }

    @Override
    protected Optional<String> secret() {
        return Optional.of(SECRET);
    }

    @Override
    protected Optional<MetaStore> openStoreThatFails() {
        // the temporary directory itself where the database file should be: SQLite cannot open it
        return Optional.of(MetaStorage.open(new SqliteProvider(),
                StorageConfig.builder().password(SECRET).option("path", file.getParent().toString()).build()));
    }

    @Override
    protected void cleanStore(MetaStore store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("DELETE FROM pod_info");
            s.execute("DELETE FROM job_info");
        }
    }

    private static Path createFile() {
        try {
            Path dir = Files.createTempDirectory("kubedl-sqlite-tck-");
            dir.toFile().deleteOnExit();
            return dir.resolve("tck.db");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
