package io.kubedl.persist.mysql.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A WHERE clause of ANDed conditions and its parameters. Column names come only from
 * the providers' fixed code, never from input; every value is a bound parameter.
 */
final class SqlWhere {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code column = ?} when the value is present. */
    SqlWhere eq(String column, Object value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
        return this;
    }

    /** Adds {@code column IN (?, ...)} when the values are not empty. */
    SqlWhere in(String column, Collection<?> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
            params.addAll(values);
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
