package io.kubedl.persist.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriteBehindOptionsTest {

    @Test
    void theDefaultsAreValid() {
        WriteBehindOptions options = WriteBehindOptions.defaults();
        assertThat(options.maxBatchSize()).isEqualTo(500);
        assertThat(options.maxPendingIdentities()).isEqualTo(100_000);
        assertThat(options.writerThreads()).isEqualTo(1);
        assertThat(options.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(options.listener()).isSameAs(WriteBehindListener.LOGGING);
    }

    @Test
    void eachRefusalNamesTheSettingItsLimitAndTheValue() {
        assertThatThrownBy(() -> WriteBehindOptions.builder().maxBatchSize(0).build())
                .hasMessage("maxBatchSize: must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> WriteBehindOptions.builder().maxBatchSize(100).maxPendingIdentities(99).build())
                .hasMessage("maxPendingIdentities: must be at least 100, was 99");
        assertThatThrownBy(() -> WriteBehindOptions.builder().writerThreads(17).build())
                .hasMessage("writerThreads: must be between 1 and 16, was 17");
        assertThatThrownBy(() -> WriteBehindOptions.builder().maxAttempts(0).build())
                .hasMessage("maxAttempts: must be at least 1, was 0");
        assertThatThrownBy(() -> WriteBehindOptions.builder().maxDelay(Duration.ofMillis(-1)).build())
                .hasMessage("maxDelay: must be zero or more, was PT-0.001S");
        assertThatThrownBy(() -> WriteBehindOptions.builder().maxDelay(Duration.ofHours(2)).build())
                .hasMessage("maxDelay: must be at most PT1H, was PT2H");
        assertThatThrownBy(() -> WriteBehindOptions.builder().initialBackoff(Duration.ofSeconds(2))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .hasMessage("maxBackoff: must be at least initialBackoff (PT2S), was PT1S");
        assertThatThrownBy(() -> WriteBehindOptions.builder().name(" ").build())
                .hasMessage("name: must not be null or blank");
    }

    @Test
    void aMeterRegistryMustBeAMicrometerRegistry() {
        assertThatThrownBy(() -> WriteBehindOptions.builder().meterRegistry("not a registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.micrometer.core.instrument.MeterRegistry")
                .hasMessageContaining("java.lang.String");
    }
}
