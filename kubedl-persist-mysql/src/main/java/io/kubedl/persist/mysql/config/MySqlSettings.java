package io.kubedl.persist.mysql.config;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The pure mapping from a {@link StorageConfig} to what the MySQL provider hands to
 * HikariCP and Connector/J: a JDBC URL without credentials, the driver properties,
 * pool size and timeouts, TLS and migration modes. It opens nothing, so tests can
 * assert exactly which properties a configuration produces.
 *
 * <p>Options (keys of {@link StorageConfig#options()}, or env {@code MYSQL_X_Y} as
 * {@code xY}): {@value #SSL_MODE}, {@value #SSL_CA}, {@value #SSL_TRUST_STORE},
 * {@value #SSL_TRUST_STORE_TYPE}, {@value #SSL_TRUST_STORE_PASSWORD},
 * {@value #POOL_SIZE}, {@value #CONNECT_TIMEOUT_MS}, {@value #SOCKET_TIMEOUT_MS},
 * {@value #MIGRATION}, {@value #ALLOW_PUBLIC_KEY_RETRIEVAL}, {@value #PURGE_BATCH_SIZE}, {@value #HOSTS},
 * {@value #SESSION_VARIABLES}, {@value #DRIVER_PROPERTIES}.
 * The password is never part of {@link #toString()} or of the driver properties (it
 * goes to the pool separately) (rule P3).
 */
public final class MySqlSettings {
    /** Host when none is configured (P2). */
    public static final String DEFAULT_HOST = "localhost";
    /** Port when none is configured (P2). */
    public static final int DEFAULT_PORT = 3306;
    /** Database when none is configured (P2). */
    public static final String DEFAULT_DATABASE = "kubedl";
    /** TLS mode, see {@link SslMode}; default PREFERRED. */
    public static final String SSL_MODE = "sslMode";
    /** Path of a PEM file with the CA certificate(s) to trust (VERIFY_CA, VERIFY_IDENTITY). */
    public static final String SSL_CA = "sslCa";
    /** URL of a JKS or PKCS12 trust store, instead of {@value #SSL_CA}. */
    public static final String SSL_TRUST_STORE = "sslTrustStore";
    /** Type of {@value #SSL_TRUST_STORE}: JKS or PKCS12 (default PKCS12). */
    public static final String SSL_TRUST_STORE_TYPE = "sslTrustStoreType";
    /** Password of {@value #SSL_TRUST_STORE}, if it has one. */
    public static final String SSL_TRUST_STORE_PASSWORD = "sslTrustStorePassword";
    /** Most connections in the pool; default 10, 1..200. */
    public static final String POOL_SIZE = "poolSize";
    /** TCP connect timeout and pool checkout budget, ms; default 5000, 100..600000. */
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    /** Read timeout of one statement on the socket, ms; default 60000, 0 (none)..3600000. */
    public static final String SOCKET_TIMEOUT_MS = "socketTimeoutMs";
    /** migrate (default), validate or skip, see {@link MigrationMode}. */
    public static final String MIGRATION = "migration";
    /** Let caching_sha2_password fetch the server's RSA key without TLS; default false. */
    public static final String ALLOW_PUBLIC_KEY_RETRIEVAL = "allowPublicKeyRetrieval";
    /** Rows deleted per statement by purge (rule D4); default 500, 1..10000. */
    public static final String PURGE_BATCH_SIZE = "purgeBatchSize";
    /** {@value #PURGE_BATCH_SIZE} when none is configured. */
    public static final int DEFAULT_PURGE_BATCH_SIZE = 500;
    /** The largest {@value #PURGE_BATCH_SIZE} accepted. */
    public static final int MAX_PURGE_BATCH_SIZE = 10_000;

    /**
     * Several servers, {@code host[:port],host[:port],...} ({@code [ipv6]:port} for IPv6),
     * tried in order by Connector/J's failover; exclusive with {@code host}. Env {@code MYSQL_HOSTS}.
     */
    public static final String HOSTS = "hosts";
    /** Session variables set on each new connection, {@code name=value,...}, see docs/high-availability.md. */
    public static final String SESSION_VARIABLES = "sessionVariables";
    /** Extra Connector/J properties, {@code key=value;...}; cannot override the provider's own. */
    public static final String DRIVER_PROPERTIES = "driverProperties";

    private static final Set<String> KNOWN = Set.of(SSL_MODE, SSL_CA, SSL_TRUST_STORE, SSL_TRUST_STORE_TYPE,
            SSL_TRUST_STORE_PASSWORD, POOL_SIZE, CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS, MIGRATION,
            ALLOW_PUBLIC_KEY_RETRIEVAL, PURGE_BATCH_SIZE, HOSTS, SESSION_VARIABLES, DRIVER_PROPERTIES);
    // database names end up in a URL and a lock name: keep them to what needs no quoting
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]{1,64}");

    private final java.util.List<HostAddress> addresses;
    private final SessionVariables sessionVariables;
    private final String database;
    private final String user;
    private final String password;
    private final String region;
    private final SslMode sslMode;
    private final String sslCa;
    private final int poolSize;
    private final int connectTimeoutMs;
    private final int socketTimeoutMs;
    private final MigrationMode migration;
    private final int purgeBatchSize;
    private final Map<String, String> driverProperties;
    private final Set<String> unknownOptions;

    private MySqlSettings(StorageConfig config) {
        int port = config.port().orElse(DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("port must be between 1 and 65535, was " + port
                    + " (set MYSQL_PORT or the Secret key 'port')");
        }
        Optional<String> hostList = config.option(HOSTS).filter(s -> !s.isBlank());
        if (hostList.isPresent() && config.host().isPresent()) {
            throw new ConfigurationException("host and option hosts are both set; set one: host for one server,"
                    + " hosts (env MYSQL_HOSTS, Secret key 'hosts') for a list");
        }
        addresses = hostList.map(list -> HostAddress.list(list, port))
                .orElseGet(() -> java.util.List.of(HostAddress.single(config.host().orElse(DEFAULT_HOST), port)));
        sessionVariables = SessionVariables.parse(config.option(SESSION_VARIABLES).orElse(null));
        database = config.database().orElse(DEFAULT_DATABASE);
        if (!DATABASE.matcher(database).matches()) {
            throw new ConfigurationException("dbName must be 1..64 letters, digits, '_', '$' or '-', was '" + database
                    + "' (set MYSQL_DB_NAME or the Secret key 'dbName')");
        }
        user = config.user().filter(u -> !u.isBlank()).orElseThrow(() -> new ConfigurationException(
                "user is not set (set MYSQL_USER, the Secret key 'user' or StorageConfig.builder().user(...))"));
        password = config.password().orElse("");
        region = config.region();
        sslMode = config.option(SSL_MODE).map(SslMode::parse).orElse(SslMode.PREFERRED);
        sslCa = config.option(SSL_CA).filter(s -> !s.isBlank()).orElse(null);
        poolSize = config.intOption(POOL_SIZE, 10, 1, 200);
        connectTimeoutMs = config.intOption(CONNECT_TIMEOUT_MS, 5000, 100, 600_000);
        socketTimeoutMs = config.intOption(SOCKET_TIMEOUT_MS, 60_000, 0, 3_600_000);
        migration = config.option(MIGRATION).map(MigrationMode::parse).orElse(MigrationMode.MIGRATE);
        purgeBatchSize = config.intOption(PURGE_BATCH_SIZE, DEFAULT_PURGE_BATCH_SIZE, 1, MAX_PURGE_BATCH_SIZE);
        boolean publicKeyRetrieval = config.option(ALLOW_PUBLIC_KEY_RETRIEVAL).map(MySqlSettings::bool).orElse(false);
        if (sslCa != null && config.option(SSL_TRUST_STORE).isPresent()) {
            throw new ConfigurationException("options sslCa and sslTrustStore exclude each other; set one");
        }

        Map<String, String> p = new TreeMap<>();
        // statement caching: the provider uses a handful of fixed statements
        p.put("cachePrepStmts", "true");
        p.put("prepStmtCacheSize", "250");
        p.put("prepStmtCacheSqlLimit", "4096");
        // client-side prepared statements are what rewriteBatchedStatements can fold into multi-row INSERTs
        p.put("useServerPrepStmts", "false");
        p.put("rewriteBatchedStatements", "true");
        // autocommit/isolation/read-only are tracked locally instead of asked from the server
        p.put("useLocalSessionState", "true");
        p.put("useLocalTransactionState", "true");
        // cacheServerConfiguration stays off: the driver must read each connection's sql_mode, or after a
        // change of NO_BACKSLASH_ESCAPES it would escape parameters for the wrong mode (corrupt or unsafe)
        p.put("cacheResultSetMetadata", "true");
        p.put("maintainTimeStats", "false");
        // save() reads INSERTED (1) / UPDATED (2) / untouched (0) from the affected-row count
        p.put("useAffectedRows", "true");
        // DATETIME values are bound and read as UTC LocalDateTime; never the JVM zone
        p.put("connectionTimeZone", "UTC");
        p.put("forceConnectionTimeZoneToSession", "false");
        p.put("characterEncoding", "UTF-8");
        p.put("connectionCollation", "utf8mb4_bin");
        p.put("connectTimeout", Integer.toString(connectTimeoutMs));
        p.put("socketTimeout", Integer.toString(socketTimeoutMs));
        p.put("tcpKeepAlive", "true");
        p.put("allowLoadLocalInfile", "false");
        p.put("allowMultiQueries", "false");
        // Connector/J's default (true) turns a failed-over connection read-only: every write would then fail
        // with "Connection is read-only" although the node it moved to is writable (Galera, a new primary)
        p.put("failOverReadOnly", "false");
        p.put("allowPublicKeyRetrieval", Boolean.toString(publicKeyRetrieval));
        p.put("sslMode", sslMode.name());
        config.option(SSL_TRUST_STORE).filter(s -> !s.isBlank()).ifPresent(url -> {
            p.put("trustCertificateKeyStoreUrl", url.contains(":") ? url : "file:" + url);
            p.put("trustCertificateKeyStoreType", config.option(SSL_TRUST_STORE_TYPE).orElse("PKCS12"));
            config.option(SSL_TRUST_STORE_PASSWORD).ifPresent(pw -> p.put("trustCertificateKeyStorePassword", pw));
        });
        p.putAll(DriverPropertyOverrides.parse(config.option(DRIVER_PROPERTIES).orElse(null), p));
        driverProperties = Collections.unmodifiableMap(p);

        Set<String> unknown = new TreeSet<>(config.options().keySet());
        unknown.removeAll(KNOWN);
        unknownOptions = Collections.unmodifiableSet(unknown);
    }

    /**
     * @param config the configuration
     * @return the settings
     * @throws ConfigurationException naming the option, its accepted values and where to set it
     */
    public static MySqlSettings from(StorageConfig config) {
        return new MySqlSettings(config);
    }

    private static boolean bool(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new ConfigurationException("option allowPublicKeyRetrieval must be true or false, was '" + text + "'");
    }

    /**
     * Every part is validated ({@link HostAddress}, the database pattern), so nothing in
     * it needs escaping and no configuration value can add a parameter or a host.
     *
     * @return {@code jdbc:mysql://host:port[,host:port...]/database}, without credentials or properties
     */
    public String jdbcUrl() {
        return "jdbc:mysql://" + hostList() + "/" + database;
    }

    private String hostList() {
        return String.join(",", addresses.stream().map(HostAddress::toString).toList());
    }

    /** @return the servers, in the order Connector/J tries them; one unless option hosts is set */
    public java.util.List<HostAddress> addresses() { return addresses; }

    /**
     * @return the statement the pool runs on each new connection: UTC session time zone, then
     *         the configured session variables
     */
    public String connectionInitSql() {
        return sessionVariables.initSql("time_zone = '+00:00'");
    }

    /** @return the validated session variables (name to SQL literal), in the order configured */
    public Map<String, String> sessionVariables() { return sessionVariables.values(); }

    /** @return the Connector/J properties, sorted; never the user's password */
    public Map<String, String> driverProperties() { return driverProperties; }
    /** @return the (first) database host */
    public String host() { return addresses.get(0).host(); }
    /** @return the (first) database port */
    public int port() { return addresses.get(0).port(); }
    /** @return database name */
    public String database() { return database; }
    /** @return database user */
    public String user() { return user; }
    /** @return the password, possibly empty; never log it */
    public String password() { return password; }
    /** @return the deploy region of the store */
    public String region() { return region; }
    /** @return the TLS mode */
    public SslMode sslMode() { return sslMode; }
    /** @return the PEM CA file to trust, if configured */
    public Optional<String> sslCa() { return Optional.ofNullable(sslCa); }
    /** @return most connections in the pool */
    public int poolSize() { return poolSize; }
    /** @return connect timeout, ms */
    public int connectTimeoutMs() { return connectTimeoutMs; }
    /** @return socket read timeout, ms (0: none) */
    public int socketTimeoutMs() { return socketTimeoutMs; }
    /** @return what open() does with the schema */
    public MigrationMode migration() { return migration; }
    /** @return rows per purge statement */
    public int purgeBatchSize() { return purgeBatchSize; }
    /** @return option names this provider does not know (logged as a warning, never their values) */
    public Set<String> unknownOptions() { return unknownOptions; }

    /** @return where this store connects: {@code host:port[,host:port...]/database as user} */
    public String target() {
        return hostList() + "/" + database + " as " + user;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(driverProperties);
        shown.replaceAll((k, v) -> k.toLowerCase(java.util.Locale.ROOT).contains("password") ? "****" : v);
        return "MySqlSettings[" + jdbcUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "<empty>" : "****")
                + ", poolSize=" + poolSize + ", migration=" + migration + ", sslCa=" + sslCa + ", session="
                + sessionVariables.values() + ", driver=" + shown + "]";
    }
}
