package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.TransientPersistException;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.RecordValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a MySQL store from settings: pool, connectivity check, schema migration or
 * validation. Any failure closes what was opened and names host, port, database and
 * user, never the password.
 */
public final class MySqlStoreOpener {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlStoreOpener.class);
    /** Start of the name of every pool this opener builds; the database name follows (logs, pool metrics). */
    static final String POOL_NAME_PREFIX = "kubedl-persist-mysql-";

    private MySqlStoreOpener() {
    }

    /**
     * @param settings validated settings
     * @return the open store
     * @throws ConfigurationException for credentials, unknown database, TLS or schema problems (a retry
     *         cannot fix them)
     * @throws TransientPersistException when the server cannot be reached (refused, timed out)
     */
    public static MetaStore open(MySqlSettings settings) {
        return open(settings, config -> { });
    }

    /**
     * As {@link #open(MySqlSettings)}, with a last say over the pool's configuration.
     *
     * @param settings validated settings
     * @param poolCustomizer called with the pool's configuration just before the pool starts
     * @return the open store
     */
    public static MetaStore open(MySqlSettings settings, Consumer<HikariConfig> poolCustomizer) {
        if (!settings.unknownOptions().isEmpty()) {
            LOG.warn("mysql store {}: ignoring unknown options {}", settings.target(), settings.unknownOptions());
        }
        SqlErrors errors = new SqlErrors(settings.target(), settings.password());
        PemTrustStore trustStore = settings.sslCa().map(PemTrustStore::fromPem).orElse(null);
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME_PREFIX + settings.database());
        // P3: URL, user, password and driver properties (a trust-store password among them) go into
        // the driver's own data source; HikariCP logs its config at DEBUG and never sees them
        config.setDataSource(ConnectorDataSource.of(settings, trustStore));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // waiting for a pooled connection: as long as a connect may take, plus a margin
        config.setConnectionTimeout(Math.max(1000L, settings.connectTimeoutMs() + 2000L));
        config.setValidationTimeout(Math.min(5000L, config.getConnectionTimeout() - 500));
        config.setInitializationFailTimeout(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionInitSql(settings.connectionInitSql()); // UTC, then option sessionVariables
        config.setExceptionOverride(new FailoverEviction());
        config.setMaxLifetime(1_800_000);
        config.setKeepaliveTime(120_000);
        try {
            poolCustomizer.accept(config);
        } catch (RuntimeException e) {
            if (trustStore != null) {
                trustStore.delete();
            }
            throw e;
        }
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
                ServerVersion server = ServerVersion.parse(c.getMetaData().getDatabaseProductVersion());
                server.requireSupported(settings.target()); // before any DDL
                serverVersion = server.toString();
                schema = new SchemaMigrator(settings.database()).run(c, settings.migration());
            }
            StoreLifecycle lifecycle = new StoreLifecycle("mysql store " + settings.target());
            RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);
            MySqlJobs jobs = new MySqlJobs(pool, IdleConnectionEviction.of(pool), lifecycle, errors, validator, settings.purgeBatchSize());
            MySqlPods pods = new MySqlPods(pool, IdleConnectionEviction.of(pool), lifecycle, errors, validator, settings.purgeBatchSize());
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

    /**
     * A TLS mode the server cannot satisfy, or a certificate that does not verify, is a
     * configuration problem: the driver reports it with SQLState 08xxx like a network
     * failure, but retrying never fixes it, so it MUST NOT be transient.
     */
    static boolean isTlsProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof javax.net.ssl.SSLHandshakeException && brokenLink(t.getCause())) {
                return false; // the link broke during the handshake: the network's fault, not the settings'
            }
            if (message.contains("SSL Connection required") || t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException
                    || t instanceof java.security.cert.CertificateException
                    || t instanceof com.mysql.cj.exceptions.SSLParamsException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean brokenLink(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
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
        // denied (1044, 1045, 1698), host not allowed (1130), unknown database (1049), auth plugin (1251, 2059),
        // or the driver refusing to fetch the server's RSA key without TLS: fixed by configuration, never by retrying
        if (code == 1045 || code == 1044 || code == 1049 || code == 1130 || code == 1698 || code == 1251
                || code == 2059 || "28000".equals(sql.getSQLState()) || detail.contains("Public Key Retrieval")) {
            String hint = code == 1049 ? " [hint: create it: CREATE DATABASE " + settings.database()
                    + " CHARACTER SET utf8mb4]" : " [hint: check user and password, and the user's grants]";
            return new ConfigurationException(where + ": " + detail + hint, errors.cleanCause(sql));
        }
        if (isTlsProblem(e)) {
            return new ConfigurationException(where + ": " + detail + " [hint: the TLS mode needs a server with TLS"
                    + " and, for VERIFY_CA/VERIFY_IDENTITY, a CA (option sslCa or sslTrustStore) that signed its"
                    + " certificate; or choose another sslMode]", errors.cleanCause(sql));
        }
        if (SqlErrors.isTransient(sql)) {
            return new TransientPersistException(where + ": " + detail, errors.cleanCause(sql));
        }
        return new PersistException(where + ": " + detail, errors.cleanCause(sql));
    }
}
