package io.kubedl.persist.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The TCK: extend this class once to certify a storage provider against the whole
 * persistence contract (docs/contract.md).
 *
 * <pre>{@code
 * class MyStoreTckTest extends MetaStoreTck {
 *     @Override
 *     protected MetaStore openStore() {
 *         return MetaStorage.open(new MyProvider(), StorageConfig.builder().build());
 *     }
 * }
 * }</pre>
 *
 * <p>Lifecycle: the TCK calls {@link #openStore()} once per test class and closes
 * that store after the last test. Before every test but the first it calls
 * {@link #cleanStore(MetaStore)}, which MUST leave the store empty; the default
 * closes the store and opens a new one, which suits in-memory stores. A real
 * database SHOULD override it with a cheap truncate of its tables.
 *
 * <p>Optional rules (count, reconcile, purge) run when the store declares the
 * capability in {@link MetaStore#capabilities()} and are skipped, with the reason,
 * when it does not. A store that declares a capability and throws
 * {@link UnsupportedOperationException} fails.
 *
 * <p>Tests are grouped by part of the contract in nested classes; every test name
 * starts with {@code required_} or {@code optional_} and the rule id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetaStoreTck {
    private final StoreUnderTest sut = new StoreUnderTest(this);
    private boolean storeUsed;
    private boolean reopenRequested;

    /**
     * Opens a store of the provider under test. It MAY be called more than once per
     * test class (tests of close() open their own store); each call returns a new
     * open store over the same backend.
     *
     * @return an open store; the TCK closes it
     * @throws Exception when the store cannot be opened; the tests then fail
     */
    protected abstract MetaStore openStore() throws Exception;

    /**
     * Empties the store between two tests: every job and pod row MUST be gone when it
     * returns (the TCK checks). The default closes the store and opens a new one with
     * {@link #openStore()}; override it to truncate instead when opening is costly.
     *
     * @param store the store the previous test used
     * @throws Exception when the store cannot be cleaned; the next test then fails
     */
    protected void cleanStore(MetaStore store) throws Exception {
        reopenRequested = true;
    }

    /**
     * The password {@link #openStore()} passes to the provider, if any, so that the P3
     * tests can check it never leaks into a toString or an exception message. Empty by
     * default: those tests are then skipped as not verified.
     *
     * @return the secret the store knows
     */
    protected Optional<String> secret() {
        return Optional.empty();
    }

    @BeforeAll
    final void openTheStoreUnderTest() {
        sut.open();
    }

    @BeforeEach
    final void startFromAnEmptyStore() throws Exception {
        if (storeUsed) {
            reopenRequested = false;
            cleanStore(sut.store());
            if (reopenRequested) {
                sut.close();
                sut.open();
            }
        }
        storeUsed = true;
        sut.newRecords();
        MetaStore store = sut.store();
        assertThat(store.jobs().list(JobQuery.builder().pageSize(1).build()).items())
                .as("TCK setup: cleanStore(...) must leave no job rows behind; check your truncate")
                .isEmpty();
        assertThat(store.pods().list(PodQuery.builder().pageSize(1).build()).items())
                .as("TCK setup: cleanStore(...) must leave no pod rows behind; check your truncate")
                .isEmpty();
    }

    @AfterAll
    final void closeTheStoreUnderTest() {
        sut.close();
    }

    MetaStore openChecked() {
        try {
            MetaStore store = openStore();
            if (store == null) {
                throw new IllegalStateException("openStore() returned null");
            }
            return store;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("openStore() failed: " + e.getMessage(), e);
        }
    }

    /** I1, I2: identities. */
    @Nested
    public class Identity extends IdentityRules {
        Identity() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** W1..W8: single saves. */
    @Nested
    public class Writes extends WriteRules {
        Writes() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** B1: batches. */
    @Nested
    public class Batches extends BatchRules {
        Batches() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** D1..D4: removal, deletion, reconcile, purge. */
    @Nested
    public class Removal extends RemovalRules {
        Removal() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** Q1, Q2, Q4, Q5, Q6: reads and filters. */
    @Nested
    public class Reads extends ReadRules {
        Reads() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** Q3: keyset pagination and count. */
    @Nested
    public class Pagination extends PaginationRules {
        Pagination() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** V1..V3: bad input and text. */
    @Nested
    public class BadInput extends InputRules {
        BadInput() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** P1, P3, P4 and capabilities. */
    @Nested
    public class Providers extends ProviderRules {
        Providers() {
            super(MetaStoreTck.this.sut);
        }
    }

    /** Scenarios across rules: lifecycles, re-creation, shuffled versions, concurrency, paging while writing. */
    @Nested
    public class Scenarios extends ScenarioTests {
        Scenarios() {
            super(MetaStoreTck.this.sut);
        }
    }
}
