package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * KubeDL's {@code kubedl.io/tenancy} annotation: exactly one JSON object
 * {@code {"tenant":..,"user":..,"idc":..,"region":..}} of strings naming who owns a job in a
 * multi-tenant cluster. Every member may be absent or null; other members are ignored, as Go's
 * {@code json.Unmarshal} into KubeDL's struct ignores them (and matches names regardless of case).
 *
 * @param tenant the tenant, or null
 * @param user the owner, or null
 * @param idc the IDC, or null (no column stores it)
 * @param region the deploy region, or null
 */
record Tenancy(String tenant, String user, String idc, String region) {
    static final String ANNOTATION = "kubedl.io/tenancy";
    static final Tenancy NONE = new Tenancy(null, null, null, null);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads the annotation. A malformed one (not JSON, not one object, trailing text, a member
     * that is not a string) does not refuse the object: it is reported to {@code problems} and
     * read as {@link #NONE}, as KubeDL's Go code reads it.
     *
     * @param metadata the object's metadata
     * @param uid the object's UID
     * @param object what the object is, for the log
     * @param problems where a malformed annotation is counted and logged
     * @return the tenancy, or {@link #NONE} without a readable annotation
     */
    static Tenancy of(ObjectTree metadata, String uid, String object, UnreadableOptionalFields problems) {
        ObjectTree annotation = metadata.get("annotations").get(ANNOTATION);
        String json = annotation.text();
        if (json == null) {
            return NONE;
        }
        String problem;
        try {
            JsonNode parsed = STRICT.readTree(json);
            problem = parsed == null || !parsed.isObject() ? "not one JSON object" : firstNonString(parsed);
            if (problem == null) {
                return new Tenancy(member(parsed, "tenant"), member(parsed, "user"), member(parsed, "idc"), member(parsed, "region"));
            }
        } catch (JsonProcessingException e) {
            problem = "not one JSON object: " + e.getOriginalMessage();
        }
        problems.report(uid, object, annotation.path(), problem);
        return NONE;
    }

    private static String firstNonString(JsonNode parsed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (isKnown(member.getKey()) && !member.getValue().isTextual() && !member.getValue().isNull()) {
                return "member '" + member.getKey() + "' is not a string";
            }
        }
        return null;
    }

    private static boolean isKnown(String key) {
        for (String name : new String[] {"tenant", "user", "idc", "region"}) {
            if (name.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /** As Go decodes it: members are taken in order, names match ignoring case, so the last match wins; blank reads as absent. */
    private static String member(JsonNode parsed, String name) {
        JsonNode value = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().equalsIgnoreCase(name)) {
                value = member.getValue();
            }
        }
        return value == null || !value.isTextual() || value.textValue().isBlank() ? null : value.textValue();
    }

    /**
     * KubeDL's precedence: the configured region first; the annotation's only when none is configured.
     *
     * @param configured the converter's region, empty when none
     * @return the region to store the object in
     */
    String regionFor(String configured) {
        return !configured.isEmpty() || region == null ? configured : region;
    }
}
