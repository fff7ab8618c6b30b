package io.kubedl.persist.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
    private static final long MS = 1_000_000L;

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheCap() {
        ExponentialBackoff backoff = new ExponentialBackoff(100 * MS, 1_000 * MS, () -> new SplittableRandom(1));
        assertThat(backoff.ceilingNanos(1)).isEqualTo(100 * MS);
        assertThat(backoff.ceilingNanos(2)).isEqualTo(200 * MS);
        assertThat(backoff.ceilingNanos(3)).isEqualTo(400 * MS);
        assertThat(backoff.ceilingNanos(4)).isEqualTo(800 * MS);
        assertThat(backoff.ceilingNanos(5)).isEqualTo(1_000 * MS);
        assertThat(backoff.ceilingNanos(Integer.MAX_VALUE)).isEqualTo(1_000 * MS);
    }

    @Test
    void eachDelayIsJitteredBetweenHalfAndAllOfItsCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        ExponentialBackoff backoff = new ExponentialBackoff(100 * MS, 10_000 * MS, () -> random);
        for (int retry = 1; retry <= 20; retry++) {
            long ceiling = backoff.ceilingNanos(retry);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delayNanos(retry)).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theJitterSpreadsRetriesThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(7);
        ExponentialBackoff backoff = new ExponentialBackoff(100 * MS, 10_000 * MS, () -> random);
        long first = backoff.delayNanos(3);
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = backoff.delayNanos(3) != first;
        }
        assertThat(differs).isTrue();
    }
}
