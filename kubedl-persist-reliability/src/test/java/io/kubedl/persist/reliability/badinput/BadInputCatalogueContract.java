package io.kubedl.persist.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.reliability.StoreUnderTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every row of {@link BadInputCatalogue} as its own test against one store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputCatalogueContract {
    private static final Logger LOG = LoggerFactory.getLogger(BadInputCatalogueContract.class);
    private StoreUnderTest target;
    private UniqueIds ids;

    /** @return a fresh store for the whole catalogue */
    abstract StoreUnderTest open();

    @BeforeAll
    void openStore() {
        target = open();
        ids = new UniqueIds("bad-" + target.store().providerName());
    }

    @AfterAll
    void closeStore() {
        if (target != null) {
            target.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> catalogue() {
        List<BadInputCase> cases = BadInputCatalogue.cases();
        LOG.info("bad-input catalogue on {}: {} kinds of input", target.store().providerName(), cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            try {
                c.check().run(target.store(), ids);
            } catch (AssertionError e) {
                // build logs show dynamic tests by index; the message names the row
                throw new AssertionError("bad-input row '" + c + "' on " + target.store().providerName() + ": "
                        + e.getMessage(), e);
            }
        }));
    }

    @Test
    void catalogueHoldsAtLeastThirtyKinds() {
        assertThat(BadInputCatalogue.cases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(BadInputCatalogue.cases().stream().map(BadInputCase::kind)).doesNotHaveDuplicates();
    }
}
