package io.kubedl.persist.mysql.internal;

import java.util.List;

/**
 * A statement's SQL text and its parameters, built by the tables' listing and
 * counting code so that the scale test can EXPLAIN exactly what the store runs.
 *
 * @param sql the SQL with '?' placeholders
 * @param params the parameters, in order
 */
record SqlStatement(String sql, List<Object> params) {
}
