package io.kubedl.persist.kubernetes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the optional fields a converter could not read (a malformed tenancy annotation) and
 * logs each object's first one at WARN. The record is still stored, without that field's
 * values: losing a job because of a malformed annotation would hide it from every query.
 * One converter holds one of these; it is thread-safe.
 */
final class UnreadableOptionalFields {
    /** Bounds the memory of which objects were logged; once full it starts over, so a long-lived converter logs again. */
    static final int REMEMBERED_OBJECTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableOptionalFields.class);

    private final AtomicLong count = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * @param uid the object's UID, which decides whether it was logged already
     * @param object what the object is, e.g. {@code TFJob default/mnist}
     * @param path the path of the field, e.g. {@code metadata.annotations[kubedl.io/tenancy]}
     * @param why why it could not be read
     */
    void report(String uid, String object, String path, String why) {
        count.incrementAndGet();
        if (logged.size() >= REMEMBERED_OBJECTS) {
            logged.clear();
        }
        if (logged.add(uid)) {
            LOG.warn("{}: {} ({}); stored without it (logged once per object)", path, why, object);
        }
    }

    /** @return how many fields could not be read since the converter was created */
    long count() {
        return count.get();
    }
}
