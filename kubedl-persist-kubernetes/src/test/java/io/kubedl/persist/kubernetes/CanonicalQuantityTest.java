package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities render in one canonical form whatever their spelling, as Kubernetes renders them. */
class CanonicalQuantityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1Gi, 1Gi",
        "1024Mi, 1Gi",
        "1536Mi, 1536Mi",
        "1.5Gi, 1536Mi",
        "1048576Ki, 1Gi",
        "0.5Ki, 512",
        "1Ei, 1Ei",
        "3Pi, 3Pi",
        "2E, 2E",
        "1E3, 1k",
        "+5, 5",
        "1.5e-3, 1500u",
        "0.5, 500m",
        "500m, 500m",
        "1000m, 1",
        "2000, 2k",
        "1500, 1500",
        "1e3, 1k",
        "1000k, 1M",
        "12G, 12G",
        "0.1, 100m",
        "1n, 1n",
        "0.0000000001, 1n",
        "0, 0",
        "0Gi, 0",
        "7, 7",
        "1073741824, 1073741824",
    })
    void rendersCanonically(String written, String canonical) {
        assertThat(CanonicalQuantity.parse(written, "q")).hasToString(canonical);
    }

    @Test
    void sumIsBinaryOnlyWhenBothAre() {
        CanonicalQuantity gi = CanonicalQuantity.parse("1Gi", "a");

        assertThat(gi.plus(CanonicalQuantity.parse("512Mi", "b"))).hasToString("1536Mi");
        assertThat(gi.plus(CanonicalQuantity.parse("1G", "b"))).hasToString("2073741824");
        assertThat(CanonicalQuantity.parse("250m", "a").plus(CanonicalQuantity.parse("0.75", "b"))).hasToString("1");
    }

    @Test
    void maxOfEqualValuesDoesNotDependOnOrder() {
        CanonicalQuantity binary = CanonicalQuantity.parse("1Gi", "a");
        CanonicalQuantity decimal = CanonicalQuantity.parse("1073741824", "b");

        assertThat(binary.max(decimal)).hasToString("1Gi");
        assertThat(decimal.max(binary)).hasToString("1Gi");
        assertThat(decimal.max(CanonicalQuantity.parse("2Gi", "c"))).hasToString("2Gi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lots", "1Gb", "1.2.3", "Mi", "1 Gi x"})
    void refusesWhatIsNotAQuantityNamingThePath(String written) {
        assertThatThrownBy(() -> CanonicalQuantity.parse(written, "spec.containers[0].resources.limits.cpu"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("spec.containers[0].resources.limits.cpu: '" + written + "' is not a Kubernetes quantity");
    }
}
