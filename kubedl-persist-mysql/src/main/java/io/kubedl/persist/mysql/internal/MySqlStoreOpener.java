package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.mysql.MySqlSettings;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a MySQL store from settings: pool, connectivity check, schema migration or
 * validation. Any failure closes what was opened and names host, port, database and
 * user, never the password.
 */
public final class MySqlStoreOpener {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlStoreOpener.class);

    private MySqlStoreOpener() {
    }

    /**
     * @param settings validated settings
     * @return the open store
     * @throws ConfigurationException for credentials, unknown database, TLS or schema problems
     * @throws TransientPersistException when the server cannot be reached
     */
    public static MetaStore open(MySqlSettings settings) {
        if (!settings.unknownOptions().isEmpty()) {
            LOG.warn("mysql store {}: ignoring unknown options {}", settings.target(), settings.unknownOptions());
        }
        SqlErrors errors = new SqlErrors(settings.target(), settings.password());
        PemTrustStore trustStore = settings.sslCa().map(PemTrustStore::fromPem).orElse(null);
        HikariConfig config = new HikariConfig();
        config.setPoolName("kubedl-persist-mysql-" + settings.database());
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        settings.driverProperties().forEach(config::addDataSourceProperty);
        if (trustStore != null) {
            trustStore.driverProperties().forEach(config::addDataSourceProperty);
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // waiting for a pooled connection: as long as a connect may take, plus a margin
        config.setConnectionTimeout(Math.max(1000L, settings.connectTimeoutMs() + 2000L));
        config.setValidationTimeout(Math.min(5000L, config.getConnectionTimeout() - 500));
        config.setInitializationFailTimeout(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        config.setMaxLifetime(1_800_000);
        config.setKeepaliveTime(120_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (trustStore != null) {
                trustStore.delete();
            }
            throw cannotConnect(settings, errors, e);
        }
        try {
            int schema;
            String serverVersion;
            try (Connection c = pool.getConnection()) {
                serverVersion = c.getMetaData().getDatabaseProductVersion();
                schema = new SchemaMigrator(settings.database()).run(c, settings.migration());
            }
            StoreLifecycle lifecycle = new StoreLifecycle("mysql store " + settings.target());
            RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);
            MySqlJobs jobs = new MySqlJobs(pool, lifecycle, errors, validator, settings.purgeBatchSize());
            MySqlPods pods = new MySqlPods(pool, lifecycle, errors, validator, settings.purgeBatchSize());
            LOG.info("mysql store {} open: server {}, schema version {} ({}), pool size {}, TLS {}", settings.target(),
                    serverVersion, schema, settings.migration().name().toLowerCase(java.util.Locale.ROOT),
                    settings.poolSize(), settings.sslMode());
            return new MySqlMetaStore(pool, lifecycle, jobs, pods, settings.target(),
                    trustStore == null ? () -> { } : trustStore::delete);
        } catch (SQLException e) {
            pool.close();
            throw errors.translate("opening mysql store (schema " + settings.migration().name().toLowerCase(java.util.Locale.ROOT) + ")", e);
        } catch (RuntimeException e) {
            pool.close();
            if (trustStore != null) {
                trustStore.delete();
            }
            throw e;
        }
    }

    private static PersistException cannotConnect(MySqlSettings settings, SqlErrors errors, RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
                break;
            }
        }
        String where = "cannot open mysql store: host " + settings.host() + ", port " + settings.port() + ", database "
                + settings.database() + ", user " + settings.user() + ", TLS " + settings.sslMode();
        if (sql == null) {
            return new PersistException(where + ": " + errors.clean(e.getMessage()));
        }
        String detail = errors.clean(sql.getMessage()).replace('\n', ' ');
        int code = sql.getErrorCode();
        if (code == 1045 || code == 1044 || code == 1049 || "28000".equals(sql.getSQLState())) {
            String hint = code == 1049 ? " [hint: create it: CREATE DATABASE " + settings.database()
                    + " CHARACTER SET utf8mb4]" : " [hint: check user and password, and the user's grants]";
            return new ConfigurationException(where + ": " + detail + hint, errors.cleanCause(sql));
        }
        if (SqlErrors.isTransient(sql)) {
            return new TransientPersistException(where + ": " + detail, errors.cleanCause(sql));
        }
        return new PersistException(where + ": " + detail, errors.cleanCause(sql));
    }
}
