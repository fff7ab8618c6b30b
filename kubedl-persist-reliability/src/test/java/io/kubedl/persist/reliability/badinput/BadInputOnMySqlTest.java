package io.kubedl.persist.reliability.badinput;

import io.kubedl.persist.reliability.StoreUnderTest;

/** The catalogue against the MySQL provider on the test kit's real server. */
class BadInputOnMySqlTest extends BadInputCatalogueContract {
    @Override
    StoreUnderTest open() {
        return StoreUnderTest.mysql("reliability_bad_input");
    }
}
