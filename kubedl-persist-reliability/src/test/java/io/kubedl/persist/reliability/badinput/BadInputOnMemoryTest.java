package io.kubedl.persist.reliability.badinput;

import io.kubedl.persist.reliability.StoreUnderTest;

/** The catalogue against the in-memory provider: proves the table itself before it meets a server. */
class BadInputOnMemoryTest extends BadInputCatalogueContract {
    @Override
    StoreUnderTest open() {
        return StoreUnderTest.memory();
    }
}
