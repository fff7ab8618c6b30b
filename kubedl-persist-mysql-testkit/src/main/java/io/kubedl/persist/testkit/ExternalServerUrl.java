package io.kubedl.persist.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and port of the server named by {@code KUBEDL_TEST_MYSQL_URL}, e.g.
 * {@code jdbc:mysql://127.0.0.1:3306/test}. The database part is ignored: tests make
 * their own databases.
 */
record ExternalServerUrl(String host, int port) {
    private static final Pattern URL = Pattern.compile("jdbc:(?:mysql|mariadb)://(\\[[^\\]]+\\]|[^:/?]+)(?::(\\d+))?(?:[/?].*)?");

    static ExternalServerUrl parse(String url) {
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("KUBEDL_TEST_MYSQL_URL must look like jdbc:mysql://HOST[:PORT][/DB], was '"
                    + url.replaceAll("(?i)(password=)[^&]*", "$1****") + "'");
        }
        return new ExternalServerUrl(m.group(1), m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)));
    }
}
