package io.kubedl.persist.writebehind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears of writes that a {@link WriteBehindStore} gave up on: bad data the store
 * refused (a permanent failure, e.g. {@link io.kubedl.persist.InvalidRecordException}),
 * or a transient failure that outlived
 * {@link WriteBehindOptions#maxAttempts()}. Called once per identity, from a writer
 * thread; an implementation SHOULD return quickly and MUST NOT call back into the
 * store's blocking methods ({@code flush}, {@code close}).
 */
@FunctionalInterface
public interface WriteBehindListener {

    /** The default: logs each failure at WARN, without the record's content. */
    WriteBehindListener LOGGING = new WriteBehindListener() {
        private final Logger log = LoggerFactory.getLogger(WriteBehindStore.class);

        @Override
        public void onFailure(WriteFailure failure) {
            log.warn("write-behind gave up on {} of {} after {} attempt(s): {}", failure.operation(),
                    failure.key(), failure.attempts(), failure.cause().toString());
        }

        @Override
        public String toString() {
            return "WriteBehindListener.LOGGING";
        }
    };

    /**
     * @param failure the identity, the operation and why it failed
     */
    void onFailure(WriteFailure failure);
}
