package io.kubedl.persist.mysql.internal;

/**
 * A LIKE pattern that matches a substring literally (rule Q6). The escape character
 * is '!' (SQL: {@code LIKE ? ESCAPE '!'}) rather than the backslash, because whether a
 * backslash in a literal is an escape depends on the server's sql_mode
 * (NO_BACKSLASH_ESCAPES); '!' means the same on MySQL and MariaDB in every mode.
 */
final class LikePattern {
    static final String ESCAPE_CLAUSE = " ESCAPE '!'";

    private LikePattern() {
    }

    /** @return {@code %text%} with '!', '%' and '_' escaped by '!' */
    static String contains(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                b.append('!');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }
}
