package io.kubedl.persist.mysql.config;

import io.kubedl.persist.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Session variables set on every new connection (option {@value MySqlSettings#SESSION_VARIABLES},
 * env {@code MYSQL_SESSION_VARIABLES}), e.g. {@code wsrep_sync_wait=1} on Galera or
 * {@code group_replication_consistency=BEFORE} on Group Replication, so that a read
 * sees every write the cluster committed before it (rule Q5 across nodes).
 *
 * <p>The pool runs them in its connection-init statement, which cannot take
 * parameters; so names come from a fixed list and each value is checked against the
 * variable's own grammar (an integer range or a fixed set of words) before it is
 * written into the statement.
 */
final class SessionVariables {
    private static final Map<String, Function<String, String>> KNOWN = Map.of(
            "wsrep_sync_wait", v -> integer("wsrep_sync_wait", v, 0, 15),
            "group_replication_consistency", v -> word("group_replication_consistency", v,
                    Set.of("EVENTUAL", "BEFORE_ON_PRIMARY_FAILOVER", "BEFORE", "AFTER", "BEFORE_AND_AFTER")),
            "innodb_lock_wait_timeout", v -> integer("innodb_lock_wait_timeout", v, 1, 3600),
            "lock_wait_timeout", v -> integer("lock_wait_timeout", v, 1, 86_400));

    private final Map<String, String> values;

    private SessionVariables(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param text {@code name=value} pairs separated by commas, or null for none
     * @return the validated variables, in the order given
     * @throws ConfigurationException naming the variable and what it accepts
     */
    static SessionVariables parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new SessionVariables(values);
        }
        for (String raw : text.split(",", -1)) {
            String pair = raw.strip();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("option " + MySqlSettings.SESSION_VARIABLES
                        + " must be name=value pairs separated by ',', was '" + text + "'");
            }
            String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            Function<String, String> check = KNOWN.get(name);
            if (check == null) {
                throw new ConfigurationException("option " + MySqlSettings.SESSION_VARIABLES + ": session variable '"
                        + name + "' is not supported; supported: " + new java.util.TreeSet<>(KNOWN.keySet()));
            }
            if (values.put(name, check.apply(pair.substring(eq + 1).strip())) != null) {
                throw new ConfigurationException("option " + MySqlSettings.SESSION_VARIABLES + " sets " + name + " twice");
            }
        }
        return new SessionVariables(values);
    }

    private static String integer(String name, String value, int min, int max) {
        if (value.matches("[0-9]{1,10}")) {
            long v = Long.parseLong(value);
            if (v >= min && v <= max) {
                return Long.toString(v);
            }
        }
        throw new ConfigurationException("session variable " + name + " must be an integer between " + min + " and "
                + max + ", was '" + value + "'");
    }

    private static String word(String name, String value, Set<String> accepted) {
        String v = value.toUpperCase(Locale.ROOT);
        if (!accepted.contains(v)) {
            throw new ConfigurationException("session variable " + name + " must be one of " + new java.util.TreeSet<>(accepted)
                    + ", was '" + value + "'");
        }
        return "'" + v + "'";
    }

    /** @return validated name to SQL literal, in the order configured */
    Map<String, String> values() {
        return values;
    }

    /**
     * @param always assignments every connection gets first, e.g. {@code time_zone = '+00:00'}
     * @return one {@code SET} statement with those and the configured variables
     */
    String initSql(String always) {
        StringBuilder sql = new StringBuilder("SET ").append(always);
        values.forEach((name, literal) -> sql.append(", ").append(name).append(" = ").append(literal));
        return sql.toString();
    }
}
