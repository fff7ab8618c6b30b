package io.kubedl.persist.reliability.races;

import io.kubedl.persist.reliability.StoreUnderTest;

/** The race against the in-memory provider (proves the plan and its oracle). */
class ConcurrentWritesOnMemoryTest extends ConcurrentWritesContract {
    @Override
    StoreUnderTest open() {
        return StoreUnderTest.memory();
    }
}
