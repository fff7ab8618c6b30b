package io.kubedl.persist.cli;

import io.kubedl.persist.ConfigurationException;
import io.kubedl.persist.config.ConfigSource;
import io.kubedl.persist.config.StorageConfig;
import io.kubedl.persist.config.StorageConfigLoader;
import io.kubedl.persist.discovery.MetaStorage;
import io.kubedl.persist.mysql.MySqlProvider;
import io.kubedl.persist.mysql.config.MySqlSettings;
import io.kubedl.persist.spi.MetaStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the store is: the library's own configuration ({@link StorageConfigLoader}),
 * so a command sees exactly what the controller sees: {@code --meta-storage},
 * {@code --storage-option key=value}, the MYSQL_* env vars and a mounted Secret
 * directory. The options are global: they may stand before or after the command.
 * There is deliberately no password flag: a flag is visible in the process
 * list; the password comes from MYSQL_PASSWORD or the Secret's {@code password} file.
 */
final class StoreOptions {
    @Option(names = "--meta-storage", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "Storage provider, as KubeDL's flag (default: mysql).")
    String storage;

    @Option(names = "--storage-option", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A provider option, repeatable (e.g. sslMode=REQUIRED, path=demo.sqlite).")
    List<String> storageOptions = new ArrayList<>();

    @Option(names = "--secret-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A mounted Secret: files host, port, dbName, user, password, and options.")
    Path secretDir;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the configuration (password masked) and where each value came from; log at INFO.")
    boolean verbose;

    /**
     * @param context the environment
     * @param migration the migration mode this command needs from the mysql provider, or null
     * @param forceMigration true when the command's mode wins over a configured one (migrate, validate)
     * @return the validated configuration
     * @throws UsageException naming the flag or setting when a value is wrong
     */
    StorageConfig load(CliContext context, String migration, boolean forceMigration) {
        StorageConfigLoader loader = StorageConfigLoader.fromEnvironment(context.env());
        if (secretDir != null) {
            if (!Files.isDirectory(secretDir)) {
                throw new UsageException("--secret-dir: " + secretDir + " is not a directory");
            }
            loader.secretDirectory(secretDir);
        }
        List<String> flags = new ArrayList<>(List.of("--meta-storage", storage == null ? MySqlProvider.NAME : storage));
        for (String option : storageOptions) {
            if (option.indexOf('=') <= 0) {
                throw new UsageException("--storage-option takes KEY=VALUE, was '" + option + "'");
            }
            flags.add("--storage-option");
            flags.add(option);
        }
        StorageConfig config;
        try {
            loader.flags(flags.toArray(String[]::new));
            boolean mysql = MySqlProvider.NAME.equals(storage == null ? MySqlProvider.NAME : storage);
            if (mysql && migration != null && (forceMigration || loader.sourceOf(MySqlSettings.MIGRATION) == ConfigSource.DEFAULTS)) {
                loader.set(MySqlSettings.MIGRATION, migration);
            }
            config = loader.load();
            if (mysql) {
                MySqlSettings.from(config); // a bad sslMode or poolSize is a usage error, found before connecting
            }
        } catch (ConfigurationException e) {
            throw new UsageException("configuration: " + e.getMessage(), e);
        }
        if (verbose) {
            context.err().println("configuration: " + config);
            context.err().println("sources: " + sources(loader, config));
            context.err().flush();
        }
        return config;
    }

    /**
     * @param config a configuration from {@link #load}
     * @return the open store; the caller closes it
     */
    MetaStore open(StorageConfig config) {
        try {
            return MetaStorage.open(config);
        } catch (io.kubedl.persist.ProviderNotFoundException e) {
            throw new UsageException("--meta-storage: " + e.getMessage(), e);
        }
    }

    /** @return true when the chosen provider is the mysql one */
    boolean isMySql() {
        return storage == null || storage.equals(MySqlProvider.NAME);
    }

    /** @return the provider name chosen */
    String storageName() {
        return storage == null ? MySqlProvider.NAME : storage;
    }

    private static String sources(StorageConfigLoader loader, StorageConfig config) {
        List<String> keys = new ArrayList<>(StorageConfigLoader.settings());
        keys.addAll(new java.util.TreeSet<>(config.options().keySet())); // sorted: options() has no order
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            ConfigSource source = loader.sourceOf(key);
            if (source != ConfigSource.DEFAULTS) {
                text.append(text.length() == 0 ? "" : ", ").append(key).append(" from ").append(source);
            }
        }
        return text.length() == 0 ? "defaults only" : text.toString();
    }
}
