package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.ConfigurationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flavour and version of the server, parsed from the version string the server
 * announces ({@code SELECT VERSION()}, which Connector/J reports as the product
 * version), and the check that the provider supports it: MySQL 8.0 or newer, MariaDB
 * 10.6 or newer. Older servers lack what the schema and statements rely on (MySQL 5.7:
 * no {@code utf8mb4_0900} defaults, different upsert semantics; MariaDB before 10.6 is
 * out of support), so {@code open} refuses them instead of failing later on some write.
 *
 * @param flavour {@code MySQL}, {@code MariaDB} or {@code TiDB} (which announces a MySQL version)
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param announced the string as the server announced it
 */
public record ServerVersion(String flavour, int major, int minor, int patch, String announced) {
    // MariaDB before 11 may prefix "5.5.5-" for old replication clients; the real version follows
    private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-(?=\\d+\\.\\d+\\.\\d+-MariaDB))?(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * @param announced e.g. {@code 8.4.3}, {@code 10.11.19-MariaDB-0+deb12u1}, {@code 5.5.5-10.6.12-MariaDB-log}
     * @return the parsed version
     * @throws ConfigurationException when the string holds no version
     */
    public static ServerVersion parse(String announced) {
        String text = announced == null ? "" : announced.strip();
        boolean mariaDb = text.contains("MariaDB");
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new ConfigurationException("cannot tell the server's version from '" + text + "'; kubedl-persist"
                    + " supports MySQL 8.0+ and MariaDB 10.6+");
        }
        String flavour = mariaDb ? "MariaDB" : text.contains("TiDB") ? "TiDB" : "MySQL";
        return new ServerVersion(flavour, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), text);
    }

    /** @return true for MySQL 8.0+ (TiDB included: it speaks MySQL 8.0) and MariaDB 10.6+ */
    public boolean isSupported() {
        return "MariaDB".equals(flavour) ? atLeast(10, 6) : atLeast(8, 0);
    }

    private boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    /**
     * @param target where the store connects, for the message
     * @throws ConfigurationException naming the server and the versions supported
     */
    public void requireSupported(String target) {
        if (!isSupported()) {
            throw new ConfigurationException("mysql store " + target + ": server " + this + " is not supported;"
                    + " kubedl-persist needs MySQL 8.0 or newer, or MariaDB 10.6 or newer");
        }
    }

    /** @return e.g. {@code MariaDB 10.11.19 (10.11.19-MariaDB-0+deb12u1)} */
    @Override
    public String toString() {
        return flavour + " " + major + "." + minor + "." + patch + " (" + announced + ")";
    }
}
