package io.kubedl.persist.model;

import io.kubedl.persist.InvalidRecordException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Checks shared by the records' compact constructors. */
final class RecordFields {
    private RecordFields() {
    }

    /** Second precision is the contract (all times UTC, seconds), so records truncate on the way in. */
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, "must not be null or blank");
        }
    }

    static void required(String field, Object value, String object) {
        if (value == null) {
            throw new InvalidRecordException(field, "must not be null (" + object + ")");
        }
    }
}
