package io.kubedl.persist.mysql.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A WHERE clause of ANDed conditions and its parameters. Column names come only from
 * the providers' fixed code, never from input; every value is a bound parameter.
 *
 * <p>Text comparisons MUST be exact (Q2): the tables' utf8mb4_bin collation is PAD SPACE
 * on MariaDB and MySQL 8, so {@code col = 'x'} alone also matches {@code 'x '}. Every
 * text condition therefore keeps the plain comparison, which the index serves, and adds
 * a check that only trailing spaces could pass otherwise (equal character length, or
 * the values compared with a non-space character appended). Both forms work on MySQL
 * 8.0+ and MariaDB 10.6+.
 */
final class SqlWhere {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /**
     * Adds {@code column = ?} when the value is present; for text also
     * {@code CHAR_LENGTH(column) = CHAR_LENGTH(?)}, so a trailing space differs.
     */
    SqlWhere eq(String column, Object value) {
        if (value instanceof String text) {
            exact(column, text);
        } else if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    /**
     * Adds {@code column = ? AND CHAR_LENGTH(column) = CHAR_LENGTH(?)}: the text exactly,
     * a trailing space included (lookups by identity or name, where the value is required).
     */
    SqlWhere exact(String column, String value) {
        clauses.add(column + " = ? AND CHAR_LENGTH(" + column + ") = CHAR_LENGTH(?)");
        params.add(Objects.requireNonNull(value, column));
        params.add(value);
        return this;
    }

    /**
     * Adds {@code column IN (?, ...)} when the values are not empty; for text also the
     * same test on {@code CONCAT(column, '|')}, where no trailing space is left to ignore.
     */
    SqlWhere in(String column, Collection<?> values) {
        if (!values.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
            boolean text = values.stream().allMatch(v -> v instanceof String);
            if (text) {
                clauses.add(column + " IN (" + marks + ") AND CONCAT(" + column + ", '|') IN ("
                        + String.join(", ", Collections.nCopies(values.size(), "CONCAT(?, '|')")) + ")");
                params.addAll(values);
                params.addAll(values);
            } else {
                clauses.add(column + " IN (" + marks + ")");
                params.addAll(values);
            }
        }
        return this;
    }

    /** Adds a condition written in code with its parameters. */
    SqlWhere add(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    /** @return the parameters, in order */
    List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    /** @return the conditions ANDed, without WHERE: {@code "a AND b"}, or {@code "1 = 1"} when there are none */
    String conditions() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" AND ", clauses);
    }

    /** @return {@code ""} or {@code " WHERE a AND b"} */
    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from index {@code first} (Instants as UTC, booleans as 0/1); returns the next free index. */
    static int bind(PreparedStatement ps, List<?> values, int first) throws SQLException {
        int i = first;
        for (Object v : values) {
            if (v instanceof Instant instant) {
                ps.setObject(i++, UtcTimes.toParameter(instant));
            } else if (v instanceof Boolean b) {
                ps.setInt(i++, b ? 1 : 0);
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }
}
