package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.mysql.config.MigrationMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the version this code expects, or checks that it is there.
 *
 * <p>A small runner of our own rather than Flyway: two scripts, one table of
 * versions, and exact control over the lock and the messages, without a dependency
 * of several megabytes in every controller. MySQL DDL commits implicitly, so each
 * script is recorded {@code pending} before it runs and {@code applied} after; a
 * script interrupted half-way is re-run, and its statements are idempotent
 * ({@code IF NOT EXISTS}; "already exists" errors of a re-run are ignored).
 * A lease row ({@link MigrationLock}, not {@code GET_LOCK}, which is local to one node
 * of a Galera or Group Replication cluster) serialises controllers that start at the
 * same time, through any node: the second waits, re-checking, then finds nothing left
 * to do. A version recorded {@code applied} never goes back to {@code pending}.
 */
public final class SchemaMigrator {
    /** The table of applied versions. */
    public static final String VERSION_TABLE = "kubedl_schema_version";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Set<Integer> ALREADY_DONE = Set.of(1050 /* table exists */, 1060 /* duplicate column */,
            1061 /* duplicate key name */, 1091 /* can't drop: does not exist */);

    private final String database;
    private final List<SchemaMigration> migrations;

    /**
     * @param database the database (schema) name, for the lock name and messages
     */
    public SchemaMigrator(String database) {
        this(database, SchemaMigration.all());
    }

    SchemaMigrator(String database, List<SchemaMigration> migrations) {
        this.database = database;
        this.migrations = migrations;
    }

    /** @return the schema version this code expects */
    public int expectedVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Runs the mode on the connection.
     *
     * @param c a connection to the store's database, autocommit on
     * @param mode what to do
     * @return the schema version found or reached (-1 when skipped)
     * @throws SQLException when the server fails
     * @throws ConfigurationException when the schema is older (in validate mode), newer, or changed
     */
    public int run(Connection c, MigrationMode mode) throws SQLException {
        return switch (mode) {
            case SKIP -> -1;
            case VALIDATE -> validate(c, false);
            case MIGRATE -> migrate(c, false);
        };
    }

    /**
     * The migrate step of an adoption of KubeDL's tables: as {@link MigrationMode#MIGRATE},
     * but on a database whose adoption is under way (which a controller's start refuses).
     *
     * @param c a connection to the store's database, autocommit on
     * @return the schema version reached
     * @throws SQLException when the server fails
     */
    public int migrateForAdoption(Connection c) throws SQLException {
        return migrate(c, true);
    }

    private int migrate(Connection c, boolean adopting) throws SQLException {
        SchemaShapeCheck shapes = new SchemaShapeCheck(database);
        // before anything is created: a KubeDL table must not leave an empty version table behind
        shapes.refuseForeignTables(c, adopting);
        if (MigrationLock.check(() -> isCurrent(c))) {
            // nothing to do: no lock, no DDL, so a user with only SELECT/INSERT/UPDATE/DELETE can start too;
            // but the rows must not lie about the tables
            shapes.requireColumns(c, expectedVersion());
            return expectedVersion();
        }
        MigrationLock lock = MigrationLock.forDatabase(database);
        if (!lock.acquire(c, () -> isCurrent(c))) {
            return expectedVersion(); // another process finished the migration while this one waited
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return migrateHoldingTheLock(c, lock, adopting);
                } catch (SQLException e) {
                    // Galera aborts a read (information_schema, a table) that meets another node's DDL with a
                    // deadlock error; every step is re-runnable, so start over from the recorded versions
                    if (!SqlErrors.isDeadlock(e) || attempt >= 5) {
                        throw e;
                    }
                }
            }
        } finally {
            lock.release(c);
        }
    }

    private int migrateHoldingTheLock(Connection c, MigrationLock lock, boolean adopting) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                    + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                    + " checksum CHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, installed_at DATETIME NOT NULL"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
        Map<Integer, String[]> recorded = recorded(c);
        checkNotNewer(recorded);
        checkChecksums(recorded);
        for (SchemaMigration m : migrations) {
            String[] row = recorded.get(m.version());
            if (row != null && "applied".equals(row[1])) {
                continue;
            }
            lock.renew(c);
            apply(c, m);
        }
        return validate(c, adopting);
    }

    private void apply(Connection c, SchemaMigration m) throws SQLException {
        long started = System.nanoTime();
        record(c, m, "pending");
        for (String statement : m.statements()) {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            } catch (SQLException e) {
                if (!ALREADY_DONE.contains(e.getErrorCode())) {
                    throw e;
                }
            }
        }
        record(c, m, "applied");
        LOG.info("database {}: applied schema migration V{} ({}) in {} ms", database, m.version(), m.description(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static void record(Connection c, SchemaMigration m, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VERSION_TABLE
                + " (version, description, checksum, state, installed_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())"
                // a record never goes back from applied to pending: a late process must not undo the winner's
                // record (assignments run left to right, so state is tested before it changes)
                + " ON DUPLICATE KEY UPDATE checksum = IF(state = 'applied', checksum, VALUES(checksum)),"
                + " installed_at = IF(state = 'applied', installed_at, VALUES(installed_at)),"
                + " state = IF(state = 'applied', state, VALUES(state))")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.setString(3, m.checksum());
            ps.setString(4, state);
            ps.executeUpdate();
        }
    }

    private boolean isCurrent(Connection c) throws SQLException {
        if (!tableExists(c, VERSION_TABLE)) {
            return false;
        }
        Map<Integer, String[]> recorded = recorded(c);
        for (SchemaMigration m : migrations) {
            String[] row = recorded.get(m.version());
            if (row == null || !"applied".equals(row[1]) || !row[0].equals(m.checksum())) {
                return false;
            }
        }
        return recorded.size() == migrations.size();
    }

    private int validate(Connection c, boolean adopting) throws SQLException {
        SchemaShapeCheck shapes = new SchemaShapeCheck(database);
        shapes.refuseForeignTables(c, adopting);
        Map<Integer, String[]> recorded = tableExists(c, VERSION_TABLE) ? recorded(c) : Map.of();
        checkNotNewer(recorded);
        checkChecksums(recorded);
        int applied = 0;
        for (SchemaMigration m : migrations) {
            String[] row = recorded.get(m.version());
            if (row == null || !"applied".equals(row[1])) {
                break;
            }
            applied = m.version();
        }
        if (applied < expectedVersion()) {
            throw new ConfigurationException("database " + database + " has schema version " + applied
                    + " but this kubedl-persist needs version " + expectedVersion()
                    + (recorded.values().stream().anyMatch(r -> "pending".equals(r[1])) ? " (a migration was interrupted)" : "")
                    + "; open it once with option migration=migrate (needs CREATE, ALTER, INDEX grants),"
                    + " or apply the scripts of docs/mysql-schema.md");
        }
        shapes.requireColumns(c, applied);
        return applied;
    }

    private void checkNotNewer(Map<Integer, String[]> recorded) {
        int newest = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > expectedVersion()) {
            throw new ConfigurationException("database " + database + " has schema version " + newest
                    + ", newer than the version " + expectedVersion() + " this kubedl-persist knows;"
                    + " upgrade kubedl-persist (a newer release migrated this database), or use another database");
        }
    }

    private void checkChecksums(Map<Integer, String[]> recorded) {
        for (SchemaMigration m : migrations) {
            String[] row = recorded.get(m.version());
            if (row != null && !row[0].equals(m.checksum())) {
                throw new ConfigurationException("database " + database + ": schema migration V" + m.version()
                        + " was applied from a different script (checksum " + row[0].substring(0, 12) + "..., this code has "
                        + m.checksum().substring(0, 12) + "...); released migration scripts must never change");
            }
        }
    }

    private static Map<Integer, String[]> recorded(Connection c) throws SQLException {
        Map<Integer, String[]> rows = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum, state FROM " + VERSION_TABLE)) {
            while (rs.next()) {
                rows.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return rows;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
