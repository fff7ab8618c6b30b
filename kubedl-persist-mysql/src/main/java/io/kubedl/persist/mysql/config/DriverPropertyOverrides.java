package io.kubedl.persist.mysql.config;

import com.mysql.cj.conf.PropertyKey;
import io.kubedl.persist.ConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Extra Connector/J properties from option {@value MySqlSettings#DRIVER_PROPERTIES}
 * (env {@code MYSQL_DRIVER_PROPERTIES}), written {@code key=value;key=value}, e.g.
 * {@code secondsBeforeRetrySource=10;queriesBeforeRetrySource=20}.
 *
 * <p>Each key must be a property Connector/J knows; a property the provider sets
 * itself (its correctness depends on them: {@code useAffectedRows}, the time zone,
 * batching, {@code failOverReadOnly}, TLS, ...) or one that widens what the driver may
 * do ({@code allowLoadLocalInfile}, interceptors, credentials,
 * {@code sessionVariables}) is refused, so these values can add tuning but never undo
 * a guarantee. Values are at most 512 printable ASCII characters without {@code ;}.
 */
final class DriverPropertyOverrides {
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x3A\\x3C-\\x7E]{0,512}");
    private static final Set<String> FORBIDDEN = lower(Set.of("user", "password", "password1", "password2", "password3",
            "sessionVariables", "allowLoadLocalInfile", "allowLoadLocalInfileInPath", "allowUrlInLocalInfile",
            "queryInterceptors", "exceptionInterceptors", "connectionLifecycleInterceptors",
            "propertiesTransform", "autoReconnect", "autoReconnectForPools", "useLocalSessionState",
            "pedantic", "sslMode", "trustCertificateKeyStoreUrl", "trustCertificateKeyStoreType",
            "trustCertificateKeyStorePassword", "fallbackToSystemTrustStore", "dbname", "host", "port"));

    private DriverPropertyOverrides() {
    }

    /**
     * @param text the option's value, or null
     * @param providerProperties the properties the provider sets; none of them may be overridden
     * @return the validated extra properties
     * @throws ConfigurationException naming the key and why it is refused
     */
    static Map<String, String> parse(String text, Map<String, String> providerProperties) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Set<String> reserved = new TreeSet<>(FORBIDDEN);
        reserved.addAll(lower(providerProperties.keySet()));
        for (String raw : text.split(";", -1)) {
            String pair = raw.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("option " + MySqlSettings.DRIVER_PROPERTIES
                        + " must be key=value pairs separated by ';', found '" + pair.replaceAll("[^\\x20-\\x7E]", "?") + "'");
            }
            // Connector/J matches property names ignoring case: so do the checks, on its canonical spelling
            String key = PropertyKey.normalizeCase(pair.substring(0, eq).strip());
            String value = pair.substring(eq + 1).strip();
            if (PropertyKey.fromValue(key) == null) {
                throw new ConfigurationException("option " + MySqlSettings.DRIVER_PROPERTIES + ": '" + key
                        + "' is not a Connector/J property");
            }
            if (reserved.contains(key.toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException("option " + MySqlSettings.DRIVER_PROPERTIES + ": property " + key
                        + " is set by the provider (or not allowed) and cannot be overridden");
            }
            if (!VALUE.matcher(value).matches()) {
                throw new ConfigurationException("option " + MySqlSettings.DRIVER_PROPERTIES + ": value of " + key
                        + " must be at most 512 printable ASCII characters without ';' (length " + value.length() + ")");
            }
            if (out.put(key, value) != null) {
                throw new ConfigurationException("option " + MySqlSettings.DRIVER_PROPERTIES + " sets " + key + " twice");
            }
        }
        return out;
    }

    private static Set<String> lower(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(k.toLowerCase(Locale.ROOT)));
        return out;
    }
}
