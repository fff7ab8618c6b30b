package io.kubedl.persist.model;

import io.kubedl.persist.InvalidRecordException;

/**
 * A Kubernetes resourceVersion, ordered as KEP-5504 defines it (rule W5): a decimal
 * string without leading zeros; a longer string is newer; strings of equal length
 * compare character by character. Comparing as strings ("9" &gt; "10") or parsing
 * into a {@code long} (versions may exceed 64 bits) are both wrong.
 *
 * @param value the version exactly as the api-server sent it
 */
public record ResourceVersion(String value) implements Comparable<ResourceVersion> {

    /**
     * @param value the version exactly as the api-server sent it
     * @throws InvalidRecordException naming the field {@code version} when the value
     * is not a positive decimal without leading zeros
     */
    public ResourceVersion {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidRecordException("version", problem);
        }
    }

    /**
     * Parses a version, naming the object in the error message when it is refused.
     *
     * @param value the resourceVersion
     * @param object what the version belongs to, e.g. {@code "job default/mnist"}
     * @return the version
     * @throws InvalidRecordException when the value is not a valid resourceVersion
     */
    public static ResourceVersion of(String value, String object) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidRecordException("version", problem + " (" + object + ")");
        }
        return new ResourceVersion(value);
    }

    /**
     * Shorthand for {@code new ResourceVersion(value)}.
     * @param value the version
     * @return the version
     */
    public static ResourceVersion of(String value) {
        return new ResourceVersion(value);
    }

    /**
     * @param value a candidate
     * @return true when it is a valid resourceVersion
     */
    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    private static String problemWith(String value) {
        if (value == null) {
            return "must not be null";
        }
        if (value.isEmpty()) {
            return "must not be empty";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "'" + abbreviate(value) + "' is not a decimal resourceVersion (KEP-5504)";
            }
        }
        if (value.charAt(0) == '0') {
            return "'" + abbreviate(value) + "' has a leading zero; KEP-5504 versions are positive decimals without one";
        }
        return null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    @Override
    public int compareTo(ResourceVersion other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    /**
     * @param other another version
     * @return true when this version is strictly newer
     */
    public boolean isNewerThan(ResourceVersion other) {
        return compareTo(other) > 0;
    }

    /**
     * @param other another version
     * @return true when this version is strictly older
     */
    public boolean isOlderThan(ResourceVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
