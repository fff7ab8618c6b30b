package io.kubedl.persist.config;

import io.kubedl.persist.ConfigurationException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Immutable settings of a store: which provider ({@code --meta-storage}), the
 * deploy region, the database address and credentials of SQL providers, and
 * provider-specific options (e.g. {@code sslMode}, {@code poolSize}).
 *
 * <p>Build it in code with {@link #builder()}, or load it from flags, env vars and a
 * mounted Secret with {@link StorageConfigLoader}. The password is never part of
 * {@link #toString()} (rule P3).
 */
public final class StorageConfig {
    private final String storage;
    private final String region;
    private final String host;
    private final Integer port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> options;

    private StorageConfig(Builder b) {
        storage = b.storage;
        region = b.region == null ? "" : b.region;
        host = b.host;
        port = b.port;
        database = b.database;
        user = b.user;
        password = b.password;
        options = Map.copyOf(b.options);
        // defaults and provider-specific limits belong to the provider; only what is wrong for any database is checked here
        if (port != null && (port < 1 || port > 65535)) {
            throw new ConfigurationException("port must be between 1 and 65535, was " + port);
        }
        if (host != null && host.isBlank()) {
            throw new ConfigurationException("host must not be blank when set");
        }
        if (database != null && database.isBlank()) {
            throw new ConfigurationException("dbName must not be blank when set");
        }
    }

    /** @return an empty builder: no provider, empty region, no address (the provider supplies its defaults) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every setting of this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.storage = storage;
        b.region = region;
        b.host = host;
        b.port = port;
        b.database = database;
        b.user = user;
        b.password = password;
        b.options.putAll(options);
        return b;
    }

    /** @return the provider name chosen with {@code --meta-storage}, if any */
    public Optional<String> storage() { return Optional.ofNullable(storage); }
    /** @return the deploy region written into every row; empty by default */
    public String region() { return region; }
    /** @return database host, if configured; the provider chooses the default */
    public Optional<String> host() { return Optional.ofNullable(host); }
    /** @return database port, if configured; the provider chooses the default */
    public OptionalInt port() { return port == null ? OptionalInt.empty() : OptionalInt.of(port); }
    /** @return database (schema) name, if configured; the provider chooses the default */
    public Optional<String> database() { return Optional.ofNullable(database); }
    /** @return database user, if configured */
    public Optional<String> user() { return Optional.ofNullable(user); }
    /**
     * @return the database password, if configured. Handle with care: never log it.
     */
    public Optional<String> password() { return Optional.ofNullable(password); }
    /** @return provider-specific options, keyed by option name */
    public Map<String, String> options() { return options; }

    /**
     * @param name option name
     * @return the option's value, if set
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * Reads an integer option, naming the option and its range in the error.
     *
     * @param name option name
     * @param defaultValue value when unset
     * @param min smallest accepted value
     * @param max largest accepted value
     * @return the value
     * @throws ConfigurationException when the value is not an integer in range
     */
    public int intOption(String name, int defaultValue, int min, int max) {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new ConfigurationException("option " + name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("option " + name + " must be an integer between " + min + " and " + max + ", was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((k, v) -> isSecretName(k) ? "****" : v);
        return "StorageConfig[storage=" + storage + ", region=" + region + ", host=" + host + ", port=" + port
                + ", database=" + database + ", user=" + user + ", password=" + (password == null ? "<unset>" : "****")
                + ", options=" + shown + "]";
    }

    static boolean isSecretName(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("credential");
    }

    /** Mutable builder of a {@link StorageConfig}; {@link #build()} validates. */
    public static final class Builder {
        private String storage;
        private String region;
        private String host;
        private Integer port;
        private String database;
        private String user;
        private String password;
        private final Map<String, String> options = new TreeMap<>();

        private Builder() {
        }

        /**
         * @param v provider name, as {@code --meta-storage}
         * @return this
         */
        public Builder storage(String v) { storage = v; return this; }
        /**
         * @param v deploy region
         * @return this
         */
        public Builder region(String v) { region = v; return this; }
        /**
         * @param v database host
         * @return this
         */
        public Builder host(String v) { host = v; return this; }
        /**
         * @param v database port
         * @return this
         */
        public Builder port(int v) { port = v; return this; }
        /**
         * @param v database name
         * @return this
         */
        public Builder database(String v) { database = v; return this; }
        /**
         * @param v database user
         * @return this
         */
        public Builder user(String v) { user = v; return this; }
        /**
         * @param v database password
         * @return this
         */
        public Builder password(String v) { password = v; return this; }
        /**
         * @param name option name
         * @param value option value, null removes it
         * @return this
         */
        public Builder option(String name, String value) {
            if (value == null) {
                options.remove(name);
            } else {
                options.put(name, value);
            }
            return this;
        }

        /**
         * @return the validated configuration
         * @throws ConfigurationException naming the property, its limit and where to set it
         */
        public StorageConfig build() {
            return new StorageConfig(this);
        }
    }
}
