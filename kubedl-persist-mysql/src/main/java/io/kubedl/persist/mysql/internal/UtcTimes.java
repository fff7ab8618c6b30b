package io.kubedl.persist.mysql.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from DATETIME columns, always as UTC wall-clock time. Binding a
 * {@link LocalDateTime} makes Connector/J send the value as is, so neither the JVM's
 * nor the session's time zone can shift it.
 */
final class UtcTimes {
    private UtcTimes() {
    }

    static void bind(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static Object toParameter(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
