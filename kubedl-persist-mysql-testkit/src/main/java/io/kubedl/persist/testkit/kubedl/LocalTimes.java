package io.kubedl.persist.testkit.kubedl;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;

/** KubeDL's DSN has {@code loc=Local}: its driver writes every time as the controller's wall-clock time. */
final class LocalTimes {
    private LocalTimes() {
    }

    static void bind(PreparedStatement ps, int index, Instant instant, ZoneId zone) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, instant.atZone(zone).toLocalDateTime());
        }
    }
}
