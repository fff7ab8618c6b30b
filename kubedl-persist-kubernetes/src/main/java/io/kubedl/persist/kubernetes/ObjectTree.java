package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.model.ResourceVersion;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A read-only position in the JSON tree of a Kubernetes object together with its path,
 * so that every value read can be reported by where it was (e.g.
 * {@code spec.tfReplicaSpecs.Worker.replicas}). A missing or null node reads as absent,
 * never as an exception.
 */
record ObjectTree(JsonNode node, String path) {
    private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");

    /**
     * Plain Jackson is enough for fabric8's model classes, which carry their own Jackson
     * annotations; modules on the class path (jackson-datatype-jsr310, which the fabric8
     * client brings) are added so that typed resources with java.time fields serialise
     * their times as ISO-8601 text.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * Reads any fabric8 object (a {@code GenericKubernetesResource}, a typed custom resource,
     * a {@code Pod}) as a JSON tree; the object itself is only read, never changed.
     *
     * @param object the Kubernetes object
     * @param what what it is, for the error message, e.g. {@code job}
     * @return the root of its tree
     * @throws InvalidRecordException when the object is null or cannot be serialised
     */
    static ObjectTree of(Object object, String what) {
        if (object == null) {
            throw new InvalidRecordException(what, "must not be null");
        }
        try {
            return new ObjectTree(MAPPER.valueToTree(object), "");
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(what, "cannot be read as JSON: " + e.getMessage());
        }
    }

    /**
     * @param context appended to the error, e.g. {@code " (TFJob default/mnist)"}
     * @return this object node
     * @throws InvalidRecordException naming this path when it is not an object
     */
    ObjectTree requiredObject(String context) {
        if (!isObject()) {
            throw new InvalidRecordException(path, "required" + context);
        }
        return this;
    }

    /** @return true when the node exists and is not JSON null */
    boolean present() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    boolean isObject() {
        return present() && node.isObject();
    }

    boolean isArray() {
        return present() && node.isArray();
    }

    /** Keys with dots or slashes (annotation keys, extended resources) are bracketed so the path stays readable. */
    ObjectTree get(String key) {
        JsonNode child = isObject() ? node.get(key) : null;
        String childPath = isPlain(key) ? (path.isEmpty() ? key : path + "." + key) : path + "[" + key + "]";
        return new ObjectTree(child, childPath);
    }

    private static boolean isPlain(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    ObjectTree get(int index) {
        JsonNode child = isArray() ? node.get(index) : null;
        return new ObjectTree(child, path + "[" + index + "]");
    }

    int size() {
        return isArray() || isObject() ? node.size() : 0;
    }

    /** @return the text of a scalar, or null when absent or blank */
    String text() {
        if (!present() || node.isContainerNode()) {
            return null;
        }
        // YAML numbers (cpu: 0.5, memory: 1e10) arrive as doubles; asText would spell 1e10 as "1.0E10"
        String text = node.isFloatingPointNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * @param context appended to the error, e.g. {@code " (TFJob default/mnist)"}
     * @return the text
     * @throws InvalidRecordException naming this path when absent or blank
     */
    String requiredText(String context) {
        String text = text();
        if (text == null) {
            throw new InvalidRecordException(path, "required" + context);
        }
        return text;
    }

    /**
     * @param context appended to the error
     * @return the time
     * @throws InvalidRecordException naming this path when absent or not a time
     */
    Instant requiredInstant(String context) {
        Instant instant = instant();
        if (instant == null) {
            throw new InvalidRecordException(path, "required" + context);
        }
        return instant;
    }

    /**
     * @param object what the version belongs to, e.g. {@code TFJob default/mnist}
     * @return the resourceVersion
     * @throws InvalidRecordException naming this path when absent or not a KEP-5504 version
     */
    ResourceVersion requiredVersion(String object) {
        String text = requiredText(" (" + object + ")");
        try {
            return ResourceVersion.of(text, object);
        } catch (InvalidRecordException e) {
            // the record's own problem text, but named by where the value is in the object
            String prefix = e.field() + ": ";
            String message = e.getMessage();
            throw new InvalidRecordException(path, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** @return the RFC 3339 time, or null when absent */
    Instant instant() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(path, "'" + abbreviate(text) + "' is not an RFC 3339 time");
        }
    }

    /** @return the integer value, or {@code fallback} when absent */
    int intValue(int fallback) {
        if (!present()) {
            return fallback;
        }
        if (node.canConvertToInt() && node.isIntegralNumber()) {
            return node.intValue();
        }
        String text = text();
        try {
            String trimmed = text == null ? "" : text.trim();
            // Integer.parseInt also takes non-ASCII digits ("２"); Kubernetes does not
            if (!ASCII_INTEGER.matcher(trimmed).matches()) {
                throw new NumberFormatException(trimmed);
            }
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidRecordException(path, "'" + abbreviate(String.valueOf(text)) + "' is not an integer");
        }
    }

    /** @return true only for JSON true or the string "true" */
    boolean isTrue() {
        return present() && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText()));
    }

    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
