package io.kubedl.persist.examples.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A WHERE clause assembled from fixed column names (written in this package, never
 * taken from input) and bind parameters (every value from input). Values are data:
 * nothing a caller passes ever becomes SQL text.
 */
final class SqlConditions {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code column = ?} when the value is present. */
    SqlConditions equal(String column, Optional<?> value) {
        value.ifPresent(v -> add(column + " = ?", v instanceof Boolean b ? (b ? 1 : 0) : v));
        return this;
    }

    /** Adds {@code column IN (?, ...)} when there are values. */
    SqlConditions in(String column, Collection<String> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            parameters.addAll(values);
        }
        return this;
    }

    /** Adds a literal substring match (rule Q6): LIKE with every wildcard escaped. */
    SqlConditions contains(String column, Optional<String> value) {
        // LIKE is case-insensitive for ASCII in SQLite; instr() keeps the match exact
        value.ifPresent(v -> add(column + " LIKE ? ESCAPE '\\' AND instr(" + column + ", ?) > 0", likeContaining(v), v));
        return this;
    }

    /** Adds a clause with one parameter when the value is present. */
    SqlConditions addIf(Optional<?> value, String clause) {
        value.ifPresent(v -> add(clause, v));
        return this;
    }

    /** Adds a clause with its parameters. */
    SqlConditions add(String clause, Object... values) {
        clauses.add(clause);
        parameters.addAll(List.of(values));
        return this;
    }

    /** @return {@code ""} or {@code " WHERE a AND b"} */
    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the parameters from position {@code first}; @return the next free position. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }

    static String likeContaining(String literal) {
        StringBuilder pattern = new StringBuilder(literal.length() + 8).append('%');
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
