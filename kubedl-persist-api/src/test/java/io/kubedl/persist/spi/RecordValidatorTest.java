package io.kubedl.persist.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.ValueTooLongException;
import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
    private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
    private final RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);

    private static JobRecord.Builder job() {
        return JobRecord.builder().jobId("uid-1").name("mnist").namespace("default").kind("TFJob").version("5")
                .gmtCreated(CREATED);
    }

    private static PodRecord.Builder pod() {
        return PodRecord.builder().podId("p-1").name("mnist-worker-0").namespace("default").jobId("uid-1").version("6")
                .gmtCreated(CREATED);
    }

    @Test
    void v1_statusWithSurroundingWhitespaceIsRefusedNamingStatus() {
        for (String status : List.of("Failed ", " Running", "Succeeded\t")) {
            assertThatThrownBy(() -> validator.check(job().status(status).build()))
                    .isInstanceOf(InvalidRecordException.class).extracting(e -> ((InvalidRecordException) e).field()).isEqualTo("status");
            assertThatThrownBy(() -> validator.check(pod().status(status).build()))
                    .isInstanceOf(InvalidRecordException.class).extracting(e -> ((InvalidRecordException) e).field()).isEqualTo("status");
        }
        assertThatThrownBy(() -> validator.checkAll(List.of(job().status("Failed ").build()), "jobs"))
                .isInstanceOf(InvalidRecordException.class).extracting(e -> ((InvalidRecordException) e).field())
                .isEqualTo("jobs[0].status");
        assertThatCode(() -> validator.check(job().status("Suspended").build())).as("an unknown status is kept").doesNotThrowAnyException();
    }

    @Test
    void v2_overlongNameNamesFieldLimitAndLength() {
        JobRecord tooLong = job().name("n".repeat(254)).build();
        assertThatThrownBy(() -> validator.check(tooLong))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessage("name: is 254 characters long, the store holds at most 253")
                .satisfies(e -> {
                    ValueTooLongException v = (ValueTooLongException) e;
                    assertThat(v.limit()).isEqualTo(253);
                    assertThat(v.length()).isEqualTo(254);
                });
    }

    @Test
    void v2_valuesAtTheLimitPass() {
        assertThatCode(() -> validator.check(job().name("n".repeat(253)).namespace("s".repeat(253)).build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.check(pod().image("i".repeat(512)).build())).doesNotThrowAnyException();
    }

    @Test
    void v2_overlongImageIsRefused() {
        assertThatThrownBy(() -> validator.check(pod().image("r/" + "i".repeat(600)).build())).hasMessageStartingWith("image:");
    }

    @Test
    void v2_fortyDigitVersionIsRefusedByLength() {
        JobRecord j = job().version("1234567890123456789012345678901234567890").build();
        assertThatThrownBy(() -> validator.check(j)).hasMessageStartingWith("version: is 40 characters long");
    }

    @Test
    void v3_fourByteUtf8Passes() {
        assertThatCode(() -> validator.check(job().remark("训练 🚀 done 😀").owner("李雷").build())).doesNotThrowAnyException();
    }

    @Test
    void v3_loneSurrogateIsRefused() {
        JobRecord j = job().remark("bad \uD83D tail").build();
        assertThatThrownBy(() -> validator.check(j))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("remark: holds an unpaired UTF-16 surrogate at index 4");
    }

    @Test
    void timesOutsideTheStoreRangeAreRefused() {
        JobRecord ancient = job().gmtFinished(Instant.parse("0999-12-31T23:59:59Z")).build();
        assertThatThrownBy(() -> validator.check(ancient)).hasMessageStartingWith("gmtFinished:");
        assertThatCode(() -> validator.check(job().gmtCreated(Instant.parse("1969-07-20T20:17:00Z"))
                .gmtFinished(Instant.parse("2100-01-01T00:00:00Z")).build())).doesNotThrowAnyException();
    }

    @Test
    void v1_nullRecordIsRefusedNamingIt() {
        assertThatThrownBy(() -> validator.check((JobRecord) null)).hasMessage("job: must not be null");
        assertThatThrownBy(() -> validator.check((PodRecord) null)).hasMessage("pod: must not be null");
    }

    @Test
    void b1_batchErrorNamesTheIndexAndField() {
        List<JobRecord> batch = List.of(job().build(), job().jobId("uid-2").tenant("t".repeat(300)).build());
        assertThatThrownBy(() -> validator.checkAll(batch, "jobs"))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessageStartingWith("jobs[1].tenant: is 300 characters long");
    }

    @Test
    void b1_nullItemInABatchIsRefused() {
        List<PodRecord> batch = Arrays.asList(pod().build(), null);
        assertThatThrownBy(() -> validator.checkAll(batch, "pods")).hasMessage("pods[1]: must not be null");
        assertThatThrownBy(() -> validator.checkAll(null, "pods")).hasMessage("pods: must not be null");
    }

    @Test
    void i1_identitiesWithSurroundingWhitespaceAreRefused() {
        assertThatThrownBy(() -> validator.check(job().jobId("uid-1 ").build()))
                .hasMessage("jobId: must not start or end with whitespace, was 'uid-1 '");
        assertThatThrownBy(() -> validator.check(pod().region(" eu").build())).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> validator.check(pod().jobId("uid-1\t").build())).hasMessageStartingWith("jobId:");
        assertThatThrownBy(() -> validator.check(job().namespace("team a ").build())).hasMessageStartingWith("namespace:");
    }

    @Test
    void freeTextKeepsItsSpaces() {
        assertThatCode(() -> validator.check(job().owner("bob ").tenant(" t").remark(" spaced ").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void limitsCanBeNarrowedPerStore() {
        RecordValidator narrow = new RecordValidator(FieldLimits.DEFAULT.with("name", 128));
        assertThatThrownBy(() -> narrow.check(job().name("n".repeat(129)).build())).hasMessageContaining("at most 128");
        assertThat(FieldLimits.DEFAULT.of("unknownField")).isEqualTo(Integer.MAX_VALUE);
    }
}
