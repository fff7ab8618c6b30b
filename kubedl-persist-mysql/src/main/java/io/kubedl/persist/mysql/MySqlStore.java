package io.kubedl.persist.mysql;

import com.zaxxer.hikari.HikariConfig;
import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.mysql.config.MigrationMode;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.mysql.internal.DataSourceStoreOpener;
import io.kubedl.persist.mysql.internal.MySqlStoreOpener;
import io.kubedl.persist.spi.MetaStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a MySQL store directly, for an application that embeds the provider and wants
 * a say over its connections: open it on the application's own {@link DataSource}, or
 * customise the HikariCP pool the store builds and send that pool's metrics to a
 * Micrometer registry. Without any of these, {@code MySqlStore.builder(config).open()}
 * is what {@link MySqlProvider#open} does.
 *
 * <pre>{@code
 * MetaStore store = MySqlStore.builder(config)
 *         .poolCustomizer(pool -> pool.setMaximumPoolSize(4))
 *         .meterRegistry(registry)          // hikaricp.connections.* tagged pool=kubedl-persist-mysql-<db>
 *         .open();
 * MetaStore onMine = MySqlStore.builder(config).dataSource(applicationDataSource).open();
 * }</pre>
 */
public final class MySqlStore {
    private MySqlStore() {
    }

    /**
     * @param config the configuration; with {@link Builder#dataSource} only its options
     *        {@value MySqlSettings#MIGRATION} and {@value MySqlSettings#PURGE_BATCH_SIZE} apply
     * @return a builder
     */
    public static Builder builder(StorageConfig config) {
        return new Builder(config);
    }

    /** Collects how the store connects; {@link #open()} opens it. Not thread-safe; use it once. */
    public static final class Builder {
        private static final Logger LOG = LoggerFactory.getLogger(MySqlStore.class);
        // what the application's DataSource decides instead of the configuration
        private static final Set<String> CONNECTION_OPTIONS = Set.of(MySqlSettings.SSL_MODE, MySqlSettings.SSL_CA,
                MySqlSettings.SSL_TRUST_STORE, MySqlSettings.SSL_TRUST_STORE_TYPE,
                MySqlSettings.SSL_TRUST_STORE_PASSWORD, MySqlSettings.POOL_SIZE, MySqlSettings.CONNECT_TIMEOUT_MS,
                MySqlSettings.SOCKET_TIMEOUT_MS, MySqlSettings.ALLOW_PUBLIC_KEY_RETRIEVAL);

        private final StorageConfig config;
        private DataSource dataSource;
        private Consumer<HikariConfig> poolCustomizer;
        private MeterRegistry meterRegistry;

        private Builder(StorageConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Opens the store on the application's DataSource instead of a pool of its own.
         * Its connections MUST be MySQL Connector/J connections with
         * {@code useAffectedRows=true}, on the store's database (checked at open, before
         * anything is written); {@code rewriteBatchedStatements=true} and READ COMMITTED
         * are advised (a warning otherwise). Closing the store never closes the DataSource.
         *
         * @param dataSource the application's DataSource
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Has the last say over the HikariCP pool the store builds (size, timeouts, pool
         * name, thread factory, ...), called just before the pool starts. It MUST NOT
         * change where or as whom the pool connects (jdbcUrl, username, password,
         * dataSource, dataSourceClassName, dataSourceProperties, driverClassName): those come
         * from the configuration, so secrets never reach HikariCP's logs (rule P3).
         *
         * @param customizer called once with the pool's configuration
         * @return this builder
         */
        public Builder poolCustomizer(Consumer<HikariConfig> customizer) {
            this.poolCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Sends the metrics of the pool the store builds ({@code hikaricp.connections},
         * {@code .active}, {@code .idle}, {@code .pending}, {@code .max}, {@code .acquire},
         * ... tagged {@code pool}) to this registry, through HikariCP's
         * {@code MicrometerMetricsTrackerFactory}. Without it the pool records no metrics and
         * no global registry is touched. Needs micrometer-core on the class path (an optional
         * dependency of this module).
         *
         * @param registry the application's registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @return the open store; it MUST be closed
         * @throws ConfigurationException for a configuration, a DataSource or a customizer that
         *         cannot work, naming what to change
         * @throws io.kubedl.persist.TransientPersistException when the server cannot be reached
         */
        public MetaStore open() {
            if (dataSource == null) {
                return MySqlStoreOpener.open(MySqlSettings.from(config), pool -> customize(pool));
            }
            if (poolCustomizer != null || meterRegistry != null) {
                throw new ConfigurationException("poolCustomizer and meterRegistry configure the pool the store builds;"
                        + " with dataSource(...) the store uses the application's pool: customise and instrument that"
                        + " one instead");
            }
            MigrationMode migration = config.option(MySqlSettings.MIGRATION).map(MigrationMode::parse)
                    .orElse(MigrationMode.MIGRATE);
            int purgeBatchSize = config.intOption(MySqlSettings.PURGE_BATCH_SIZE,
                    MySqlSettings.DEFAULT_PURGE_BATCH_SIZE, 1, MySqlSettings.MAX_PURGE_BATCH_SIZE);
            List<String> ignored = ignoredWithDataSource();
            if (!ignored.isEmpty()) {
                LOG.warn("mysql store on the application's DataSource: ignoring {} (the DataSource decides them)", ignored);
            }
            return DataSourceStoreOpener.open(dataSource, migration, purgeBatchSize);
        }

        private void customize(HikariConfig pool) {
            if (meterRegistry != null) {
                PoolMetrics.sendTo(pool, meterRegistry);
            }
            if (poolCustomizer == null) {
                return;
            }
            ConnectionTarget before = ConnectionTarget.of(pool);
            poolCustomizer.accept(pool);
            List<String> changed = before.changedIn(pool);
            if (!changed.isEmpty()) {
                throw new ConfigurationException("the pool customizer must not change where or as whom the pool"
                        + " connects, but changed " + changed + ": set them in the configuration, or hand the store"
                        + " your own pool with dataSource(...)");
            }
        }

        // names only, never values: a password must not reach the log
        private List<String> ignoredWithDataSource() {
            List<String> ignored = new ArrayList<>();
            config.host().ifPresent(v -> ignored.add("host"));
            config.port().ifPresent(v -> ignored.add("port"));
            config.database().ifPresent(v -> ignored.add("database"));
            config.user().ifPresent(v -> ignored.add("user"));
            config.password().ifPresent(v -> ignored.add("password"));
            Set<String> options = new TreeSet<>(config.options().keySet());
            options.retainAll(CONNECTION_OPTIONS);
            ignored.addAll(options);
            return ignored;
        }
    }
}
