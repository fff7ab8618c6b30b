package io.kubedl.persist.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubedl.persist.InvalidRecordException;

/**
 * KubeDL's {@code kubedl.io/tenancy} annotation: JSON {@code {"tenant":..,"user":..,"idc":..,"region":..}}
 * naming who owns a job in a multi-tenant cluster. Every member may be absent.
 *
 * @param tenant the tenant, or null
 * @param user the owner, or null
 * @param idc the IDC, or null (no column stores it)
 * @param region the deploy region, or null
 */
record Tenancy(String tenant, String user, String idc, String region) {
    static final String ANNOTATION = "kubedl.io/tenancy";
    static final Tenancy NONE = new Tenancy(null, null, null, null);

    /**
     * @param metadata the object's metadata
     * @param mapper to parse the annotation's JSON
     * @return the tenancy, or {@link #NONE} without the annotation
     * @throws InvalidRecordException naming the annotation's path when it is not a JSON object
     */
    static Tenancy of(ObjectTree metadata, ObjectMapper mapper) {
        ObjectTree annotation = metadata.get("annotations").get(ANNOTATION);
        String json = annotation.text();
        if (json == null) {
            return NONE;
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(annotation.path(), "not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new InvalidRecordException(annotation.path(), "must be a JSON object like {\"tenant\":\"t\",\"user\":\"u\",\"region\":\"r\"}");
        }
        ObjectTree tree = new ObjectTree(parsed, annotation.path());
        return new Tenancy(tree.get("tenant").text(), tree.get("user").text(), tree.get("idc").text(),
                tree.get("region").text());
    }

    /** @param fallback the configured region @return the annotation's region, else the fallback */
    String regionOr(String fallback) {
        return region != null ? region : fallback;
    }
}
