package io.kubedl.persist.spi;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The longest value, in characters, a store holds for each text field of the
 * records (rule V2), and the range of instants it can store. Field names are the
 * record component names ({@code name}, {@code image}, ...). A field without an
 * entry has no limit.
 *
 * @param maxChars field name to the most characters the store holds
 * @param earliest the earliest instant the store holds
 * @param latest the latest instant the store holds
 */
public record FieldLimits(Map<String, Integer> maxChars, Instant earliest, Instant latest) {

    /**
     * The limits of the reference MySQL schema. Kubernetes allows names of 253
     * characters; the seed's 128 is widened. Text columns hold 65535 characters.
     */
    public static final FieldLimits DEFAULT = new FieldLimits(Map.ofEntries(
            Map.entry("region", 64),
            Map.entry("jobId", 64),
            Map.entry("podId", 64),
            Map.entry("name", 253),
            Map.entry("namespace", 253),
            Map.entry("kind", 64),
            Map.entry("version", 32),
            Map.entry("status", 32),
            Map.entry("tenant", 255),
            Map.entry("owner", 255),
            Map.entry("image", 512),
            Map.entry("replicaType", 64),
            Map.entry("hostIp", 64),
            Map.entry("podIp", 64),
            Map.entry("resources", 65535),
            Map.entry("remark", 65535)),
            Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"));

    /**
     * Copies the map.
     * @param maxChars field name to the most characters the store holds
     * @param earliest the earliest instant the store holds
     * @param latest the latest instant the store holds
     */
    public FieldLimits {
        maxChars = Map.copyOf(maxChars);
        if (earliest == null || latest == null || !earliest.isBefore(latest)) {
            throw new IllegalArgumentException("earliest must be before latest");
        }
    }

    /**
     * @param field a record component name
     * @return the most characters the store holds for it, or {@link Integer#MAX_VALUE}
     */
    public int of(String field) {
        return maxChars.getOrDefault(field, Integer.MAX_VALUE);
    }

    /**
     * @param field a record component name
     * @param limit its new limit
     * @return a copy with that field's limit replaced
     */
    public FieldLimits with(String field, int limit) {
        Map<String, Integer> copy = new TreeMap<>(maxChars);
        copy.put(field, limit);
        return new FieldLimits(copy, earliest, latest);
    }
}
