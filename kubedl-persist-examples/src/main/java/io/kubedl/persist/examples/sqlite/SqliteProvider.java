package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PersistProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The storage plugin named {@code sqlite} ({@code --meta-storage sqlite}): an
 * embedded SQLite database that needs no server and no set-up. It implements every
 * rule of the contract and all three optional capabilities; the TCK certifies it.
 *
 * <p>Options (from {@code --storage-option key=value}, env or code):
 * <ul>
 *   <li>{@code path}: the database file; it is created when missing. Unset: a private
 *       in-memory database that lives as long as the store.</li>
 *   <li>{@code busyTimeoutMillis}: how long a write waits for another process that
 *       holds the file's write lock (default 5000, 0..600000).</li>
 * </ul>
 *
 * <p>The store keeps ONE connection and serialises every call on it with a lock:
 * SQLite admits one writer at a time anyway, and one connection makes an in-memory
 * database possible and every multi-statement operation atomic without retries.
 * A file database is opened in WAL mode so other processes can read it meanwhile.
 */
public final class SqliteProvider implements PersistProvider {
    /** The name users choose this provider by. */
    public static final String NAME = "sqlite";
    /** Option: the database file. */
    public static final String OPTION_PATH = "path";
    /** Option: how long a write waits for another process's lock, in milliseconds. */
    public static final String OPTION_BUSY_TIMEOUT = "busyTimeoutMillis";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteProvider.class);

    /** Cheap, as discovery requires: nothing is opened until {@link #open}. */
    public SqliteProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetaStore open(StorageConfig config) {
        int busyTimeout = config.intOption(OPTION_BUSY_TIMEOUT, 5000, 0, 600_000);
        String path = config.option(OPTION_PATH).map(String::trim).orElse("");
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(busyTimeout);
        sqlite.enforceForeignKeys(false);
        String url;
        String where;
        if (path.isEmpty()) {
            url = "jdbc:sqlite::memory:";
            where = "in memory";
        } else {
            Path file = Path.of(path).toAbsolutePath();
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new ConfigurationException("option " + OPTION_PATH + ": the directory " + file.getParent()
                        + " does not exist; create it or choose another file");
            }
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            url = "jdbc:sqlite:" + file;
            where = file.toString();
        }
        Connection connection;
        try {
            connection = sqlite.createConnection(url);
        } catch (SQLException e) {
            throw new PersistException("cannot open the SQLite database " + where + ": " + e.getMessage(), e);
        }
        GuardedConnection guarded = new GuardedConnection(connection, "sqlite store (" + where + ")");
        try {
            guarded.write("migrate", SqliteSchema::migrate);
        } catch (RuntimeException e) {
            guarded.close();
            throw e;
        }
        LOG.info("opened SQLite metadata store {}", where);
        return new SqliteMetaStore(guarded);
    }
}
