package io.kubedl.persist.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time given on the command line: an ISO-8601 instant
 * ({@code 2026-01-31T12:00:00Z}, or with an offset), a date (midnight UTC), or an age
 * such as {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s} meaning that long before now.
 */
final class TimeArgument {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([dhms])");

    private TimeArgument() {
    }

    /**
     * @param flag the flag, for the message
     * @param text the value
     * @param clock where now comes from
     * @return the instant, truncated to seconds
     * @throws UsageException naming the flag and the accepted forms
     */
    static Instant parse(String flag, String text, Clock clock) {
        // stored times have second precision; a bound with nanoseconds would only print noise
        return parseExact(flag, text, clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant parseExact(String flag, String text, Clock clock) {
        String value = text.trim();
        Matcher age = AGE.matcher(value);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration duration = switch (age.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            return clock.instant().minus(duration);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new UsageException(flag + " must be an ISO-8601 instant (2026-01-31T12:00:00Z), a date"
                        + " (2026-01-31, midnight UTC) or an age such as 90d, 12h, 30m, 45s; was '" + text + "'");
            }
        }
    }
}
