package io.kubedl.persist.kubernetes;

import io.kubedl.persist.InvalidRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A resource quantity that behaves as Kubernetes' {@code resource.Quantity} (apimachinery
 * {@code pkg/api/resource}): parsed with the same grammar, rounded up to nano units, added and
 * compared with the same rules for the format of the result, and written exactly as
 * {@code Quantity.String()} writes it, so that the resources JSON is what KubeDL's Go code writes.
 *
 * <p>Three points where this class deliberately differs, each documented in docs/converters.md:
 * quantities are at most {@value #MAX_TEXT_LENGTH} characters; decimal values are capped at
 * {@code 9223372036854775807E} (Kubernetes caps only binary ones, at 2<sup>63</sup>-1, which is
 * why {@code 1e1000000} could keep a converter busy for minutes); and a DecimalSI value whose
 * canonical exponent is above 18 keeps the {@code E} suffix with a longer mantissa, where Go
 * drops the suffix and writes a wrong number.
 *
 * @param value the amount in base units (cores, bytes, devices), at most 9 decimals
 * @param format how it was written, which decides how it is written back
 * @param text the text to write back as is, or null to write the canonical form
 */
record KubernetesQuantity(BigDecimal value, Format format, String text) {
    /** The longest quantity accepted; real ones have fewer than 30 characters. */
    static final int MAX_TEXT_LENGTH = 128;

    /** The three spellings of a quantity Kubernetes remembers. */
    enum Format {
        /** Plain or SI suffixed: {@code 500m}, {@code 2}, {@code 4G}. */
        DECIMAL_SI,
        /** Binary suffixed: {@code 4Gi}. */
        BINARY_SI,
        /** Exponent: {@code 1e3}. */
        DECIMAL_EXPONENT
    }

    private static final String[] BINARY_NAMES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] DECIMAL_NAMES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final BigInteger KI = BigInteger.valueOf(1024);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal DECIMAL_CAP = INT64_MAX.scaleByPowerOfTen(18);
    private static final int NANO_SCALE = 9;

    /**
     * @param text a quantity as written in a manifest, e.g. {@code 500m}, {@code 4Gi}, {@code 2}
     * @param path where it was, for the error message
     * @return the parsed quantity
     * @throws InvalidRecordException naming {@code path} when the text is not a quantity
     */
    static KubernetesQuantity parse(String text, String path) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRecordException(path, "'" + ObjectTree.abbreviate(trimmed) + "' is longer than "
                    + MAX_TEXT_LENGTH + " characters, not a Kubernetes quantity");
        }
        Spelling spelling = Spelling.scan(trimmed);
        if (spelling == null) {
            throw new InvalidRecordException(path, "'" + ObjectTree.abbreviate(trimmed) + "' is not a Kubernetes quantity");
        }
        return spelling.toQuantity(trimmed);
    }

    /**
     * Kubernetes' {@code Quantity.Add}: the sum keeps this quantity's format, or takes the
     * other's when this one is zero; the sum is always written in canonical form.
     *
     * @param other the quantity to add
     * @return the sum
     */
    KubernetesQuantity plus(KubernetesQuantity other) {
        Format resultFormat = value.signum() == 0 ? other.format : format;
        return new KubernetesQuantity(value.add(other.value), resultFormat, null);
    }

    /**
     * apiserver's {@code quota.Max}: this one when it is larger, else the other (so of two
     * equal values the other one, with its spelling, wins).
     *
     * @param other the quantity to compare with
     * @return the larger one
     */
    KubernetesQuantity max(KubernetesQuantity other) {
        return value.compareTo(other.value) <= 0 ? other : this;
    }

    /** @return what {@code Quantity.String()} writes, e.g. {@code 1Gi}, {@code 1500m}, {@code 1e3} */
    @Override
    public String toString() {
        if (text != null) {
            return text;
        }
        if (value.signum() == 0) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(BigDecimal.valueOf(1024)) >= 0) {
            BigDecimal whole = value.setScale(0, RoundingMode.UP);
            if (whole.compareTo(value) == 0) {
                return binaryForm(whole.toBigIntegerExact());
            }
        }
        return decimalForm(format == Format.DECIMAL_EXPONENT);
    }

    private static String binaryForm(BigInteger whole) {
        BigInteger mantissa = whole;
        int power = 0;
        while (power < BINARY_NAMES.length && mantissa.mod(KI).signum() == 0) {
            mantissa = mantissa.divide(KI);
            power++;
        }
        return power == 0 ? mantissa.toString() : mantissa + BINARY_NAMES[power - 1];
    }

    private String decimalForm(boolean exponentForm) {
        BigInteger mantissa = value.unscaledValue();
        int exponent = -value.scale();
        // at most 46 digits (the cap and nano units), so stripping zeros one by one is cheap
        BigInteger[] division = mantissa.divideAndRemainder(BigInteger.TEN);
        while (division[1].signum() == 0) {
            mantissa = division[0];
            exponent++;
            division = mantissa.divideAndRemainder(BigInteger.TEN);
        }
        while (exponent % 3 != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        if (exponentForm) {
            return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
        }
        if (exponent > 18) {
            // Go writes no suffix here and so a wrong number; keep the value instead
            return mantissa.multiply(BigInteger.TEN.pow(exponent - 18)) + "E";
        }
        return mantissa + DECIMAL_NAMES[exponent / 3 + 3];
    }

    /**
     * A quantity split as Kubernetes' scanner splits it: sign, integer digits without their
     * leading zeros, fraction digits, and suffix. Only ASCII digits count as digits.
     */
    private record Spelling(boolean negative, String integer, String fraction, Format format, int base, long exponent) {
        static Spelling scan(String text) {
            int position = 0;
            int end = text.length();
            boolean negative = false;
            if (position < end && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                negative = text.charAt(position) == '-';
                position++;
            }
            int digitsStart = position;
            while (position < end && text.charAt(position) == '0') {
                position++;
            }
            int integerStart = position;
            position = skipDigits(text, position);
            String integer = text.substring(integerStart, position);
            String fraction = "";
            if (position < end && text.charAt(position) == '.') {
                int fractionStart = position + 1;
                position = skipDigits(text, fractionStart);
                fraction = text.substring(fractionStart, position);
            }
            boolean anyDigit = integerStart > digitsStart || !integer.isEmpty() || !fraction.isEmpty();
            if (!anyDigit) {
                return null;
            }
            return withSuffix(negative, integer.isEmpty() ? "0" : integer, fraction, text.substring(position));
        }

        private static int skipDigits(String text, int from) {
            int position = from;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            return position;
        }

        private static Spelling withSuffix(boolean negative, String integer, String fraction, String suffix) {
            for (int i = 0; i < DECIMAL_NAMES.length; i++) {
                if (DECIMAL_NAMES[i].equals(suffix)) {
                    return new Spelling(negative, integer, fraction, Format.DECIMAL_SI, 10, (i - 3) * 3L);
                }
            }
            for (int i = 0; i < BINARY_NAMES.length; i++) {
                if (BINARY_NAMES[i].equals(suffix)) {
                    return new Spelling(negative, integer, fraction, Format.BINARY_SI, 2, (i + 1) * 10L);
                }
            }
            if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
                return null;
            }
            int digitsFrom = suffix.charAt(1) == '+' || suffix.charAt(1) == '-' ? 2 : 1;
            if (digitsFrom == suffix.length() || skipDigits(suffix, digitsFrom) != suffix.length()) {
                return null;
            }
            String digits = withoutLeadingZeros(suffix.substring(digitsFrom));
            // an exponent beyond 18 digits only matters for its sign: the value is capped or rounds to 1n
            long magnitude = digits.isEmpty() ? 0 : digits.length() > 18 ? Long.MAX_VALUE / 4 : Long.parseLong(digits);
            return new Spelling(negative, integer, fraction, Format.DECIMAL_EXPONENT, 10,
                    suffix.charAt(1) == '-' ? -magnitude : magnitude);
        }

        private static String withoutLeadingZeros(String digits) {
            int first = 0;
            while (first < digits.length() && digits.charAt(first) == '0') {
                first++;
            }
            return digits.substring(first);
        }

        KubernetesQuantity toQuantity(String text) {
            if (text.equals("0")) {
                return new KubernetesQuantity(BigDecimal.ZERO, Format.DECIMAL_SI, "0");
            }
            String digits = integer + fraction;
            String significant = withoutLeadingZeros(digits);
            if (significant.isEmpty()) {
                return new KubernetesQuantity(BigDecimal.ZERO, format, null);
            }
            BigDecimal magnitude = magnitude(significant);
            Format resultFormat = format;
            if (format == Format.BINARY_SI && magnitude.compareTo(BigDecimal.ONE) < 0) {
                resultFormat = Format.DECIMAL_SI;
            }
            BigDecimal signed = negative ? magnitude.negate() : magnitude;
            return new KubernetesQuantity(signed, resultFormat, keepsSpelling(magnitude) ? text : null);
        }

        /** The rounded and capped absolute value, computed without ever expanding a huge exponent. */
        private BigDecimal magnitude(String significant) {
            if (base == 2) {
                BigDecimal exact = new BigDecimal(new BigInteger(integer + fraction).shiftLeft((int) exponent), fraction.length());
                BigDecimal rounded = roundUpToNano(exact);
                return rounded.compareTo(INT64_MAX) > 0 ? INT64_MAX : rounded;
            }
            // the position of the leading digit decides the cap and the nano floor cheaply
            long scale = fraction.length() - exponent;
            long leadingPower = significant.length() - 1 - scale;
            if (leadingPower > 36) {
                return DECIMAL_CAP;
            }
            if (leadingPower < -NANO_SCALE - 1) {
                return BigDecimal.ONE.movePointLeft(NANO_SCALE);
            }
            BigDecimal exact = new BigDecimal(new BigInteger(significant), Math.toIntExact(scale));
            BigDecimal rounded = roundUpToNano(exact);
            return rounded.compareTo(DECIMAL_CAP) > 0 ? DECIMAL_CAP : rounded;
        }

        private static BigDecimal roundUpToNano(BigDecimal exact) {
            return exact.scale() > NANO_SCALE ? exact.setScale(NANO_SCALE, RoundingMode.UP) : exact;
        }

        /**
         * Kubernetes keeps the text of a quantity parsed on its int64 fast path when the
         * spelling already looks canonical, and writes that text back unchanged (so
         * {@code +1k} stays {@code +1k}); the conditions are those of its parser.
         */
        private boolean keepsSpelling(BigDecimal magnitude) {
            String shifted = integer + fraction;
            if (base == 2) {
                int precision = 15 - integer.length() - (int) ((float) exponent * 3 / 10) - 1;
                if (!fraction.isEmpty() || precision < 0) {
                    return false;
                }
                long mantissa = Long.parseLong(shifted);
                return magnitude.compareTo(INT64_MAX) < 0 && (mantissa & 0x07) != 0;
            }
            int precision = 18 - shifted.length();
            long scale = exponent - fraction.length();
            return precision >= 0 && scale >= -NANO_SCALE && scale % 3 == 0
                    && !shifted.endsWith("000") && shifted.charAt(0) != '0'
                    && magnitude.compareTo(DECIMAL_CAP) < 0;
        }
    }
}
