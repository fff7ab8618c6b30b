package io.kubedl.persist.reliability.races;

import io.kubedl.persist.reliability.StoreUnderTest;

/** The race against the MySQL provider on the test kit's real server. */
class ConcurrentWritesOnMySqlTest extends ConcurrentWritesContract {
    @Override
    StoreUnderTest open() {
        return StoreUnderTest.mysql("reliability_race", b -> b.option("poolSize", "10"));
    }
}
