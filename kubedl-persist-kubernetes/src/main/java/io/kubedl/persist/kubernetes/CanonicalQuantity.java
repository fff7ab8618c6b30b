package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubedl.persist.InvalidRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Set;

/**
 * A resource quantity reduced to its value in base units plus whether it was written
 * with a binary suffix, so that sums and maxima can be rendered in one canonical form
 * whatever spelling the manifest used ({@code 1024Mi} and {@code 1Gi} both render as
 * {@code 1Gi}; {@code 0.5} and {@code 500m} both as {@code 500m}).
 *
 * <p>The rendering follows Kubernetes' canonical form: binary values that are whole
 * multiples of 1024 take the largest exact binary suffix (Ki..Ei); everything else takes
 * the largest decimal SI suffix (n, u, m, none, k, M, G, T, P, E) that leaves a whole
 * mantissa. Values are rounded up to nano units, as Kubernetes does.
 *
 * @param value the amount in base units (cores, bytes, devices), at most 9 decimals
 * @param binary true when the quantity was written with a binary suffix
 */
record CanonicalQuantity(BigDecimal value, boolean binary) {
    private static final Set<String> BINARY_SUFFIXES = Set.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final String[] BINARY_NAMES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] DECIMAL_NAMES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final BigInteger KI = BigInteger.valueOf(1024);

    CanonicalQuantity {
        value = value.setScale(9, RoundingMode.CEILING).stripTrailingZeros();
    }

    /**
     * @param text a quantity as written in a manifest, e.g. {@code 500m}, {@code 4Gi}, {@code 2}
     * @param path where it was, for the error message
     * @return the parsed quantity
     * @throws InvalidRecordException naming {@code path} when the text is not a quantity
     */
    static CanonicalQuantity parse(String text, String path) {
        try {
            // fabric8 splits number and suffix; the value is computed here because fabric8's
            // getAmountInBytes goes through double for binary suffixes and is inexact from Ei on
            Quantity quantity = Quantity.parse(text.trim());
            String format = quantity.getFormat() == null ? "" : quantity.getFormat();
            BigDecimal multiplier = multiplier(format);
            if (multiplier == null || quantity.getAmount() == null) {
                throw new NumberFormatException("unknown suffix " + format);
            }
            BigDecimal amount = new BigDecimal(quantity.getAmount()).multiply(multiplier);
            return new CanonicalQuantity(amount, BINARY_SUFFIXES.contains(format));
        } catch (RuntimeException e) {
            throw new InvalidRecordException(path, "'" + ObjectTree.abbreviate(text) + "' is not a Kubernetes quantity");
        }
    }

    /** @return the value of one unit of the suffix, or null when it is not a Kubernetes suffix */
    private static BigDecimal multiplier(String format) {
        for (int i = 0; i < BINARY_NAMES.length; i++) {
            if (BINARY_NAMES[i].equals(format)) {
                return new BigDecimal(KI.pow(i + 1));
            }
        }
        for (int i = 0; i < DECIMAL_NAMES.length; i++) {
            if (DECIMAL_NAMES[i].equals(format)) {
                return BigDecimal.ONE.scaleByPowerOfTen((i - 3) * 3);
            }
        }
        if (format.length() > 1 && (format.charAt(0) == 'e' || format.charAt(0) == 'E')) {
            return BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(format.substring(1)));
        }
        return null;
    }

    /** @return the sum; binary only when both operands were binary */
    CanonicalQuantity plus(CanonicalQuantity other) {
        return new CanonicalQuantity(value.add(other.value), binary && other.binary);
    }

    /** @return the larger one; on equal values the binary spelling wins, so the result does not depend on order */
    CanonicalQuantity max(CanonicalQuantity other) {
        int byValue = value.compareTo(other.value);
        if (byValue != 0) {
            return byValue > 0 ? this : other;
        }
        return binary ? this : other;
    }

    /** @return the canonical spelling, e.g. {@code 1Gi}, {@code 1500m}, {@code 2} */
    @Override
    public String toString() {
        if (value.signum() == 0) {
            return "0";
        }
        if (binary && value.scale() <= 0) {
            BigInteger whole = value.toBigIntegerExact();
            String rendered = binaryForm(whole);
            if (rendered != null) {
                return rendered;
            }
        }
        return decimalForm();
    }

    private static String binaryForm(BigInteger whole) {
        for (int power = BINARY_NAMES.length; power >= 1; power--) {
            BigInteger unit = KI.pow(power);
            BigInteger[] division = whole.divideAndRemainder(unit);
            if (division[1].signum() == 0 && division[0].signum() != 0) {
                return division[0] + BINARY_NAMES[power - 1];
            }
        }
        return whole.toString();
    }

    private String decimalForm() {
        // exponents 18, 15, ..., -9; the first that leaves a whole mantissa is the largest suffix
        for (int i = DECIMAL_NAMES.length - 1; i >= 0; i--) {
            int exponent = (i - 3) * 3;
            BigDecimal mantissa = value.movePointLeft(exponent).stripTrailingZeros();
            if (mantissa.scale() <= 0) {
                return mantissa.toBigIntegerExact() + DECIMAL_NAMES[i];
            }
        }
        return value.toPlainString();
    }
}
