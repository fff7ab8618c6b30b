package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.mysql.config.MigrationMode;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a MySQL store on a DataSource the application owns: checks its connections
 * ({@link ApplicationConnections}), migrates or validates the schema of the database
 * they are on, and returns a store whose close() leaves the DataSource open.
 */
public final class DataSourceStoreOpener {
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceStoreOpener.class);

    private DataSourceStoreOpener() {
    }

    /**
     * @param dataSource the application's, handing out Connector/J connections on the store's database
     * @param migration what to do with the schema
     * @param purgeBatchSize rows per purge statement
     * @return the open store; closing it never closes the DataSource
     * @throws ConfigurationException when the connections do not fit (driver, useAffectedRows, no database)
     *         or the schema does not
     */
    public static MetaStore open(DataSource dataSource, MigrationMode migration, int purgeBatchSize) {
        // the application's credentials never reach this class, so there is no password to scrub
        SqlErrors opening = new SqlErrors("the application's DataSource", "");
        String database;
        String target;
        String serverVersion;
        int schema;
        try (Connection c = dataSource.getConnection()) {
            ApplicationConnections.check(c);
            database = c.getCatalog();
            if (database == null || database.isEmpty()) {
                throw new ConfigurationException("the DataSource's connections have no database selected: name one"
                        + " in its JDBC URL (jdbc:mysql://host:port/DATABASE)");
            }
            target = "DataSource " + database + " as " + c.getMetaData().getUserName();
            ServerVersion server = ServerVersion.parse(c.getMetaData().getDatabaseProductVersion());
            server.requireSupported(target); // before any DDL
            serverVersion = server.toString();
            schema = new SchemaMigrator(database).run(c, migration);
        } catch (SQLException e) {
            throw opening.translate("opening mysql store on the application's DataSource (schema "
                    + migration.name().toLowerCase(Locale.ROOT) + ")", e);
        }
        SqlErrors errors = new SqlErrors(target, "");
        StoreLifecycle lifecycle = new StoreLifecycle("mysql store " + target);
        RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);
        MySqlJobs jobs = new MySqlJobs(dataSource, IdleConnectionEviction.NONE, lifecycle, errors, validator, purgeBatchSize);
        MySqlPods pods = new MySqlPods(dataSource, IdleConnectionEviction.NONE, lifecycle, errors, validator, purgeBatchSize);
        LOG.info("mysql store {} open on the application's DataSource: server {}, schema version {} ({})", target,
                serverVersion, schema, migration.name().toLowerCase(Locale.ROOT));
        return new MySqlMetaStore(() -> { }, lifecycle, jobs, pods, target);
    }
}
