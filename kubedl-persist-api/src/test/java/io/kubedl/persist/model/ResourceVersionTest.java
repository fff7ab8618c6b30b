package io.kubedl.persist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceVersionTest {

    @Test
    void w5_longerIsNewerSoTenBeatsNine() {
        assertThat(ResourceVersion.of("10").isNewerThan(ResourceVersion.of("9"))).isTrue();
        assertThat(ResourceVersion.of("1").isOlderThan(ResourceVersion.of("10"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"123,124,-1", "124,123,1", "555,555,0", "99999,100000,-1", "2,1,1"})
    void w5_equalLengthComparesDigitByDigit(String a, String b, int sign) {
        assertThat(Integer.signum(ResourceVersion.of(a).compareTo(ResourceVersion.of(b)))).isEqualTo(sign);
    }

    @Test
    void w5_versionsBeyondSixtyFourBitsStillOrder() {
        String huge = "98765432109876543210987654321";
        String huger = "98765432109876543210987654322";
        assertThat(ResourceVersion.of(huger).isNewerThan(ResourceVersion.of(huge))).isTrue();
        assertThat(ResourceVersion.of(huge).isNewerThan(ResourceVersion.of(String.valueOf(Long.MAX_VALUE)))).isTrue();
    }

    @Test
    void w5_sortingFollowsNumericOrderNotStringOrder() {
        List<ResourceVersion> versions = new ArrayList<>();
        for (String v : List.of("100", "9", "10", "1", "99", "1000")) {
            versions.add(ResourceVersion.of(v));
        }
        Collections.sort(versions);
        assertThat(versions).extracting(ResourceVersion::value).containsExactly("1", "9", "10", "99", "100", "1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"007", "01", "0"})
    void w5_leadingZerosAreRejected(String value) {
        assertThatThrownBy(() -> ResourceVersion.of(value))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("version")
                .hasMessageContaining("leading zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "12a", "0x1F", "1.5", " 12", "12 ", "١٢", "+3"})
    void w5_nonDecimalIsRejected(String value) {
        assertThatThrownBy(() -> ResourceVersion.of(value))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("not a decimal resourceVersion");
    }

    @Test
    void w5_nullAndEmptyAreRejectedNamingTheField() {
        assertThatThrownBy(() -> ResourceVersion.of((String) null))
                .isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).field()).isEqualTo("version"));
        assertThatThrownBy(() -> ResourceVersion.of("")).hasMessage("version: must not be empty");
    }

    @Test
    void w5_errorNamesTheObjectTheVersionBelongsTo() {
        assertThatThrownBy(() -> ResourceVersion.of("abc", "job kubeflow/mnist"))
                .hasMessageContaining("job kubeflow/mnist")
                .hasMessageContaining("'abc'");
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(ResourceVersion.isValid("42")).isTrue();
        assertThat(ResourceVersion.isValid("042")).isFalse();
        assertThat(ResourceVersion.isValid(null)).isFalse();
    }
}
