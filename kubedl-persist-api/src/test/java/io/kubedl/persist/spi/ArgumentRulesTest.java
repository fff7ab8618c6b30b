package io.kubedl.persist.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.JobStatus;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.model.PodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 items 5, 6 and 9: what RecordValidator refuses besides records' lengths. */
class ArgumentRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);

    @ParameterizedTest
    @ValueSource(strings = {"Failed ", " Running", "Running\t", "Succeeded\n"})
    void v1_statusWithSurroundingWhitespaceIsRefusedNamingStatus(String status) {
        JobRecord job = JobRecord.builder().jobId("j").name("n").namespace("ns").kind("TFJob").version("1")
                .status(JobStatus.of(status)).gmtCreated(T0).build();
        assertThatThrownBy(() -> validator.check(job)).isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).isEqualTo("status"));
        assertThatThrownBy(() -> validator.checkAll(List.of(job), "jobs"))
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).isEqualTo("jobs[0].status"));
        PodRecord pod = PodRecord.builder().podId("p").name("n-worker-0").namespace("ns").jobId("j").version("1")
                .status(PodStatus.of(status)).gmtCreated(T0).build();
        assertThatThrownBy(() -> validator.check(pod))
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).isEqualTo("status"));
    }

    @Test
    void v1_aNullArgumentIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> validator.argument("key", null)).isInstanceOf(InvalidRecordException.class)
                .hasMessage("key: must not be null");
        assertThat(validator.argument("query", "q")).isEqualTo("q");
    }

    @Test
    void v2_aRemovalTimeOutsideTheStoreRangeIsRefusedNamingTheParameter() {
        for (String time : List.of("0500-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> validator.instant("removedAt", Instant.parse(time)))
                    .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("removedAt: " + Instant.parse(time));
        }
        assertThatThrownBy(() -> validator.instant("removedAt", null)).hasMessage("removedAt: must not be null");
        assertThat(validator.instant("removedAt", Instant.parse("9999-12-31T23:59:59.7Z")))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }
}
