package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.InvalidRecordException;
import io.kubedl.persist.spi.FieldLimits;
import java.time.Instant;

/**
 * The checks of SPI arguments that are not records: null is refused naming the
 * parameter (V1), and a removal time outside the range the store holds is refused as a
 * record's time would be (V2), before anything is read or written.
 */
final class SpiArguments {
    private SpiArguments() {
    }

    static <T> T required(String parameter, T value) {
        if (value == null) {
            throw new InvalidRecordException(parameter, "must not be null");
        }
        return value;
    }

    static Instant removalTime(FieldLimits limits, Instant removedAt) {
        required("removedAt", removedAt);
        if (removedAt.isBefore(limits.earliest()) || removedAt.isAfter(limits.latest())) {
            throw new InvalidRecordException("removedAt", removedAt + " is outside the range this store holds, "
                    + limits.earliest() + " .. " + limits.latest());
        }
        return removedAt;
    }
}
