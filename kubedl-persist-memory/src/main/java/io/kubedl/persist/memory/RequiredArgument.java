package io.kubedl.persist.memory;

import io.kubedl.persist.InvalidRecordException;

/** V1: a null argument to an SPI method is refused, naming the parameter. */
final class RequiredArgument {
    private RequiredArgument() {
    }

    static <T> T of(String parameter, T value) {
        if (value == null) {
            throw new InvalidRecordException(parameter, "must not be null");
        }
        return value;
    }
}
