package io.kubedl.persist.examples.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * How instants are stored: whole seconds since the epoch in an INTEGER column. The
 * records already truncate to seconds; an epoch number has no zone, so what is read
 * back is exactly what was written, whatever the JVM's default zone.
 */
final class UtcSeconds {
    private UtcSeconds() {
    }

    static Long of(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, instant.getEpochSecond());
        }
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochSecond(seconds);
    }
}
