package io.kubedl.persist.config;

import io.kubedl.persist.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link StorageConfig} the way KubeDL's controller is configured, with this
 * precedence (highest first, see {@link ConfigSource}): values set in code, then the
 * flags {@code --meta-storage NAME}, {@code --region NAME} and
 * {@code --storage-option key=value}, then the env vars MYSQL_HOST, MYSQL_PORT,
 * MYSQL_DB_NAME, MYSQL_USER, MYSQL_PASSWORD and REGION (any other {@code MYSQL_X_Y}
 * becomes the option {@code xY}, e.g. MYSQL_SSL_MODE is {@code sslMode}), then the
 * files of a mounted Secret with the seed's keys (host, port, dbName, user, password;
 * any other file becomes an option of its name), then the port of a Kubernetes service
 * link ({@code MYSQL_PORT=tcp://10.96.0.7:3306}, which Kubernetes sets in every pod of a
 * namespace with a Service named {@code mysql}), then the defaults. The other service-link
 * variables ({@code MYSQL_SERVICE_HOST}, {@code MYSQL_SERVICE_PORT*}, {@code MYSQL_PORT_*})
 * are not options and are skipped.
 *
 * <pre>{@code
 * StorageConfig config = StorageConfigLoader.fromEnvironment()
 *         .flags(args)
 *         .secretDirectory(Path.of("/etc/kubedl/mysql"))
 *         .load();
 * }</pre>
 */
public final class StorageConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(StorageConfigLoader.class);
    /** What Kubernetes writes into {@code <SERVICE>_PORT}: {@code tcp://10.96.0.7:3306}, also with an IPv6 address. */
    private static final Pattern SERVICE_LINK = Pattern.compile("(?:tcp|udp|sctp)://\\S+:(\\d{1,5})");
    private static final List<String> SETTINGS = List.of("storage", "region", "host", "port", "dbName", "user", "password");
    private static final Map<String, String> ENV_NAMES = Map.of(
            "MYSQL_HOST", "host", "MYSQL_PORT", "port", "MYSQL_DB_NAME", "dbName",
            "MYSQL_USER", "user", "MYSQL_PASSWORD", "password", "REGION", "region");

    private final Map<ConfigSource, Map<String, String>> layers = new EnumMap<>(ConfigSource.class);
    /** MYSQL_PORT when it held a Kubernetes service link, for the log line of load() */
    private String serviceLinkValue;

    private StorageConfigLoader(Map<String, String> env) {
        for (ConfigSource source : ConfigSource.values()) {
            layers.put(source, new LinkedHashMap<>());
        }
        readEnv(env);
    }

    /** @return a loader that reads this process's environment */
    public static StorageConfigLoader fromEnvironment() {
        return new StorageConfigLoader(System.getenv());
    }

    /**
     * @param env the environment to read (tests pass their own)
     * @return a loader
     */
    public static StorageConfigLoader fromEnvironment(Map<String, String> env) {
        return new StorageConfigLoader(env);
    }

    /**
     * Reads the flags KubeDL's controller takes; flags it does not know are ignored so
     * that the controller's whole argument list can be passed.
     *
     * @param args command-line arguments
     * @return this
     * @throws ConfigurationException when a known flag lacks its value
     */
    public StorageConfigLoader flags(String... args) {
        Map<String, String> layer = layers.get(ConfigSource.FLAGS);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            String key = switch (flag) {
                case "--meta-storage" -> "storage";
                case "--region" -> "region";
                case "--storage-option" -> "option";
                default -> null;
            };
            if (key == null) {
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new ConfigurationException("flag " + flag + " needs a value");
                }
                value = args[++i];
            }
            if (key.equals("option")) {
                int sep = value.indexOf('=');
                if (sep <= 0) {
                    throw new ConfigurationException("flag --storage-option takes key=value, was '" + value + "'");
                }
                layer.put(value.substring(0, sep), value.substring(sep + 1));
            } else {
                layer.put(key, value);
            }
        }
        return this;
    }

    /**
     * Reads a mounted Secret: one file per key (host, port, dbName, user, password, and
     * options). A missing directory is not an error: the Secret is optional.
     *
     * @param directory where the Secret is mounted
     * @return this
     * @throws ConfigurationException when the directory exists but cannot be read
     */
    public StorageConfigLoader secretDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return this;
        }
        Map<String, String> layer = layers.get(ConfigSource.SECRET_FILES);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String key = file.getFileName().toString();
                // Kubernetes mounts keys as symlinks next to ..data directories; skip those
                if (key.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                String value = Files.readString(file, StandardCharsets.UTF_8);
                layer.put(key, stripLineEnd(value));
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the Secret directory " + directory + ": " + e.getClass().getSimpleName(), e);
        }
        return this;
    }

    /**
     * Sets a value in code; it wins over every other source.
     *
     * @param key one of storage, region, host, port, dbName, user, password, or an option name
     * @param value the value
     * @return this
     */
    public StorageConfigLoader set(String key, String value) {
        layers.get(ConfigSource.CODE).put(key, value);
        return this;
    }

    /**
     * @param key a setting or option name
     * @return where the effective value comes from
     */
    public ConfigSource sourceOf(String key) {
        for (ConfigSource source : ConfigSource.values()) {
            if (layers.get(source).containsKey(key)) {
                return source;
            }
        }
        return ConfigSource.DEFAULTS;
    }

    /**
     * @return the merged, validated configuration
     * @throws ConfigurationException naming the setting and its source when a value is invalid
     */
    public StorageConfig load() {
        Map<String, String> merged = new LinkedHashMap<>();
        List<ConfigSource> lowestFirst = new ArrayList<>(List.of(ConfigSource.values()));
        java.util.Collections.reverse(lowestFirst);
        for (ConfigSource source : lowestFirst) {
            merged.putAll(layers.get(source));
        }
        StorageConfig.Builder b = StorageConfig.builder();
        b.storage(merged.remove("storage"));
        b.region(merged.remove("region"));
        b.host(merged.remove("host"));
        logServiceLink();
        String port = merged.remove("port");
        if (port != null) {
            try {
                b.port(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("port must be a number between 1 and 65535, was '" + port + "' (from " + sourceOf("port") + ")");
            }
        }
        b.database(merged.remove("dbName"));
        b.user(merged.remove("user"));
        b.password(merged.remove("password"));
        merged.forEach(b::option);
        return b.build();
    }

    /** Says where the port came from when a service link was seen: it may be the port of another database. */
    private void logServiceLink() {
        String link = serviceLinkValue;
        if (link == null) {
            return;
        }
        ConfigSource winner = sourceOf("port");
        if (winner == ConfigSource.SERVICE_LINK) {
            LOG.info("port {} taken from MYSQL_PORT={}, a Kubernetes service link (a Service named 'mysql' in this"
                    + " namespace); set the Secret key 'port' or a numeric MYSQL_PORT to choose another",
                    layers.get(ConfigSource.SERVICE_LINK).get("port"), link);
        } else {
            LOG.info("MYSQL_PORT={} is a Kubernetes service link; the port from {} wins", link, winner);
        }
    }

    private void readEnv(Map<String, String> env) {
        Map<String, String> layer = layers.get(ConfigSource.ENV);
        env.forEach((name, value) -> {
            String key = ENV_NAMES.get(name);
            Matcher link = value == null ? null : SERVICE_LINK.matcher(value.trim());
            if (name.equals("MYSQL_PORT") && link != null && link.matches()) {
                serviceLinkValue = value.trim();
                layers.get(ConfigSource.SERVICE_LINK).put("port", link.group(1));
            } else if (isServiceLinkVariable(name)) {
                return; // Kubernetes' MYSQL_SERVICE_HOST, MYSQL_SERVICE_PORT*, MYSQL_PORT_3306_TCP*: not options
            } else if (key != null) {
                layer.put(key, value);
            } else if (name.startsWith("MYSQL_") && name.length() > "MYSQL_".length()) {
                layer.put(optionName(name.substring("MYSQL_".length())), value);
            }
        });
    }

    private static boolean isServiceLinkVariable(String name) {
        return name.startsWith("MYSQL_SERVICE_HOST") || name.startsWith("MYSQL_SERVICE_PORT") || name.startsWith("MYSQL_PORT_");
    }

    /** MYSQL_SSL_MODE is the option sslMode: env names are SNAKE_CASE, option names camelCase. */
    static String optionName(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String stripLineEnd(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return value.substring(0, end);
    }

    /** @return the names of the settings (not options) this loader knows */
    public static List<String> settings() {
        return SETTINGS;
    }
}
