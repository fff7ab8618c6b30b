package io.kubedl.persist.cli.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints instants as ISO-8601: in UTC with a {@code Z} by default
 * ({@code 2026-11-24T06:40:18Z}), or with the offset of a local zone
 * ({@code 2026-11-24T14:40:18+08:00}). Stored times have second precision.
 */
public final class TimeFormat {
    private final ZoneId zone;

    private TimeFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** @return UTC, the default */
    public static TimeFormat utc() {
        return new TimeFormat(ZoneOffset.UTC);
    }

    /**
     * @param zone the zone of {@code --local}
     * @return times in that zone, with their offset
     */
    public static TimeFormat in(ZoneId zone) {
        return new TimeFormat(zone);
    }

    /**
     * @param time an instant, or null
     * @return its ISO-8601 text, or null
     */
    public String format(Instant time) {
        if (time == null) {
            return null;
        }
        if (zone.equals(ZoneOffset.UTC)) {
            return DateTimeFormatter.ISO_INSTANT.format(time);
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone).toOffsetDateTime());
    }
}
