package io.kubedl.persist.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.kubernetes.KubernetesQuantity.Format;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quantities parse and are written as Kubernetes' {@code resource.Quantity} parses and writes
 * them. The expected values are the rows of apimachinery's own tests
 * ({@code src/test/resources/quantities/apimachinery-*.csv}, each naming the commit read).
 */
class KubernetesQuantityTest {

    private static Format format(String goName) {
        return switch (goName) {
            case "DecimalSI" -> Format.DECIMAL_SI;
            case "BinarySI" -> Format.BINARY_SI;
            case "DecimalExponent" -> Format.DECIMAL_EXPONENT;
            default -> throw new IllegalArgumentException(goName);
        };
    }

    @ParameterizedTest(name = "{0} = {1}e{2} {3}")
    @CsvFileSource(resources = "/quantities/apimachinery-parse.csv")
    void parsesAsApimachineryParses(String text, String mantissa, int scale, String goFormat) {
        BigDecimal expected = new BigDecimal(mantissa).scaleByPowerOfTen(scale);

        for (String sign : new String[] {"", "+", "-"}) {
            KubernetesQuantity parsed = KubernetesQuantity.parse(sign + text, "q");

            BigDecimal signed = sign.equals("-") ? expected.negate() : expected;
            assertThat(parsed.value()).as(sign + text).isEqualByComparingTo(signed);
            assertThat(parsed.format()).as(sign + text).isEqualTo(format(goFormat));
        }
    }

    @ParameterizedTest(name = "{0}e{1} {2} -> {3}")
    @CsvFileSource(resources = "/quantities/apimachinery-string.csv")
    void writesAsApimachineryWrites(String mantissa, int scale, String goFormat, String written, String alternate) {
        BigDecimal value = new BigDecimal(mantissa).scaleByPowerOfTen(scale);

        assertThat(new KubernetesQuantity(value, format(goFormat), null)).hasToString(written);
        assertThat(KubernetesQuantity.parse(written, "q")).hasToString(written);
        if (alternate != null) {
            assertThat(KubernetesQuantity.parse(alternate, "q")).hasToString(written);
        }
        if (value.signum() != 0) {
            assertThat(new KubernetesQuantity(value.negate(), format(goFormat), null)).hasToString("-" + written);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/quantities/apimachinery-emit.csv")
    void emitsAsApimachineryEmits(String text, String written) {
        assertThat(KubernetesQuantity.parse(text, "q")).hasToString(written);
        assertThat(KubernetesQuantity.parse("-" + text, "q")).hasToString(written.equals("0") ? "0" : "-" + written);
    }

    /** apimachinery's invalid rows, but for the two with spaces: values read from JSON are trimmed first, as UnmarshalJSON does. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
        "lots", "1Gb", "Mi", "1 Gi x", "+", ".", "1e", "1K"})
    void refusesWhatKubernetesRefusesNamingThePath(String text) {
        assertThatThrownBy(() -> KubernetesQuantity.parse(text, "spec.containers[0].resources.limits.cpu"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("spec.containers[0].resources.limits.cpu: '" + text + "' is not a Kubernetes quantity");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"２", "１Gi", "١Gi", "1٠", "1e１"})
    void refusesNonAsciiDigits(String text) {
        assertThatThrownBy(() -> KubernetesQuantity.parse(text, "q"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("q: '" + text + "' is not a Kubernetes quantity");
    }

    /** Kubernetes writes back the text of a quantity that its int64 parser finds canonical, sign and zeros included. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+5, +5", "01k, 01k", "1.500, 1.500", "1e3, 1e3", "1E3, 1E3", "10e3, 10e3", "1e1, 10", "0.5, 500m",
        "1000m, 1", "2000, 2k", "1024Mi, 1Gi", "1025Ki, 1025Ki", "8Ki, 8Ki", "1.5Gi, 1536Mi", "0.5Ki, 512", "1Ei, 1Ei"})
    void keepsTheSpellingKubernetesKeeps(String text, String written) {
        assertThat(KubernetesQuantity.parse(text, "q")).hasToString(written);
    }

    /**
     * Before the cap, {@code 1e1000000} kept the converter busy for minutes (issue 13.6) and
     * {@code 1e-1000000} as long: both now return at once, capped as documented.
     */
    @Test
    void hugeAndTinyExponentsAreBoundedNotExpanded() {
        KubernetesQuantity huge = KubernetesQuantity.parse("1e1000000", "q");
        KubernetesQuantity tiny = KubernetesQuantity.parse("1e-1000000", "q");

        assertThat(huge.value()).isEqualByComparingTo(new BigDecimal(Long.MAX_VALUE).scaleByPowerOfTen(18));
        assertThat(huge).hasToString("9223372036854775807e18");
        assertThat(huge.plus(KubernetesQuantity.parse("1Gi", "q"))).hasToString("9223372036854775807000000001073741824");
        assertThat(tiny).hasToString("1e-9");
        assertThat(KubernetesQuantity.parse("9" + "0".repeat(100) + "Ei", "q")).hasToString("9223372036854775807");
        assertThat(KubernetesQuantity.parse("1e99999999999999999999999999", "q")).hasToString("9223372036854775807e18");
        assertThat(KubernetesQuantity.parse("1E", "q").plus(KubernetesQuantity.parse("999E", "q"))).hasToString("1000E");
    }

    @Test
    void refusesTextLongerThanAnyRealQuantity() {
        String text = "1" + "0".repeat(KubernetesQuantity.MAX_TEXT_LENGTH);

        assertThatThrownBy(() -> KubernetesQuantity.parse(text, "q"))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("q: '1000")
                .hasMessageEndingWith("' is longer than 128 characters, not a Kubernetes quantity");
    }

    /** Kubernetes' Add keeps the first operand's format (the second's when the first is zero); Max takes the second on a tie. */
    @Test
    void sumsAndMaximaFollowKubernetesFormats() {
        KubernetesQuantity gi = KubernetesQuantity.parse("1Gi", "a");
        KubernetesQuantity g = KubernetesQuantity.parse("1G", "b");

        assertThat(gi.plus(KubernetesQuantity.parse("512Mi", "b"))).hasToString("1536Mi");
        assertThat(gi.plus(g)).hasToString("2073741824");
        assertThat(g.plus(KubernetesQuantity.parse("1G", "c"))).hasToString("2G");
        assertThat(KubernetesQuantity.parse("1Ki", "c").plus(KubernetesQuantity.parse("1k", "d"))).hasToString("2024");
        assertThat(KubernetesQuantity.parse("0", "z").plus(gi)).hasToString("1Gi");
        assertThat(KubernetesQuantity.parse("250m", "a").plus(KubernetesQuantity.parse("0.75", "b"))).hasToString("1");
        assertThat(KubernetesQuantity.parse("1e3", "a").plus(KubernetesQuantity.parse("1e3", "b"))).hasToString("2e3");

        KubernetesQuantity decimal = KubernetesQuantity.parse("1073741824", "b");
        assertThat(gi.max(decimal)).hasToString("1073741824");
        assertThat(decimal.max(gi)).hasToString("1Gi");
    }
}
