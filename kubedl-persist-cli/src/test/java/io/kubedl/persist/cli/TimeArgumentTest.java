package io.kubedl.persist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The forms a time flag takes; a bound is whole seconds, like the stored times. */
class TimeArgumentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00.683715592Z"), ZoneOffset.UTC);

    @Test
    void anAgeCountsBackFromNowInWholeSeconds() {
        assertThat(TimeArgument.parse("--since", "90d", CLOCK)).isEqualTo("2025-12-10T12:00:00Z");
        assertThat(TimeArgument.parse("--since", "12h", CLOCK)).isEqualTo("2026-03-10T00:00:00Z");
        assertThat(TimeArgument.parse("--since", "30m", CLOCK)).isEqualTo("2026-03-10T11:30:00Z");
        assertThat(TimeArgument.parse("--since", " 45s ", CLOCK)).isEqualTo("2026-03-10T11:59:15Z");
    }

    @Test
    void anInstantAnOffsetTimeOrADate() {
        assertThat(TimeArgument.parse("--until", "2026-01-31T12:00:00Z", CLOCK)).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(TimeArgument.parse("--until", "2026-01-31T20:00:00+08:00", CLOCK)).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(TimeArgument.parse("--until", "2026-01-31T12:00:00.9Z", CLOCK)).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(TimeArgument.parse("--until", "2026-01-31", CLOCK)).isEqualTo("2026-01-31T00:00:00Z");
    }

    @Test
    void anythingElseNamesTheFlag() {
        assertThatThrownBy(() -> TimeArgument.parse("--finished-before", "3 months", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--finished-before must be an ISO-8601 instant")
                .hasMessageEndingWith("; was '3 months'");
        assertThatThrownBy(() -> TimeArgument.parse("--since", "2w", CLOCK)).isInstanceOf(UsageException.class);
    }
}
