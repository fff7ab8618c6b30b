package io.kubedl.persist.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TCK: extend this class once to certify a storage provider against the whole
 * persistence contract (docs/contract.md). It inherits one test or more per rule.
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
 * <p>Implement {@link #openStore()}. A store over a real database SHOULD also
 * override {@link #cleanStore(MetaStore)} with a cheap truncate (the default closes
 * the store and opens a new one before every test), MAY override {@link #secret()}
 * to have the P3 tests look for its password, and MAY override
 * {@link #openStoreThatFails()} so that P3 also checks the message of a failed open.
 *
 * <p>The tests live in one interface per group of rules ({@code IdentityRules},
 * {@code WriteRules}, {@code BatchRules}, {@code RemovalRules}, {@code ReadRules},
 * {@code PaginationRules}, {@code InputRules}, {@code TimeRules},
 * {@code ProviderRules}, {@code ScenarioTests}), each test a default method; this
 * class implements them all, so that ONE subclass runs every test under the build
 * tool's usual class-name patterns.
 *
 * <p>Optional rules (count, reconcile, purge) run when the store declares the
 * capability in {@link MetaStore#capabilities()} and are skipped, with the reason
 * printed to the console, when it does not. A store that declares a capability and
 * throws {@link UnsupportedOperationException} fails.
 *
 * <p>Every test name starts with {@code required_} or {@code optional_} and the rule
 * id ({@code required_W4_olderJobVersionIsStale}); every failure message starts with
 * the rule id and ends with what to check ({@link ContractRule#hint()}).
 *
 * <p>Lifecycle: {@link #openStore()} is called once per test class and that store is
 * closed after the last test. Before every test but the first the TCK calls
 * {@link #cleanStore(MetaStore)}, which MUST leave the store empty (the TCK checks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({RuleIdOnFailure.class, SkipReasonPrinter.class})
public abstract class MetaStoreTck implements IdentityRules, WriteRules, BatchRules, RemovalRules, ReadRules, PaginationRules,
        InputRules, TimeRules, ProviderRules, ScenarioTests {
    /** System property that fixes the seed of the shuffled-version scenario, e.g. {@code -Dkubedl.tck.seed=42}. */
    public static final String SEED_PROPERTY = ScenarioTests.SEED_PROPERTY;

    private final StoreUnderTest sut = new StoreUnderTest(this);
    private boolean storeUsed;
    private boolean reopenRequested;

    /** For subclasses: one per provider under test. */
    protected MetaStoreTck() {
    }

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
     * returns. The default closes the store and opens a new one with
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

    /**
     * Opens a store of the provider under test with the {@link #secret()} password and
     * settings that cannot work (a port nothing listens on, a path that cannot be a
     * database, a user that does not exist), so that P3 can check the message of a
     * failed open. It MUST throw; the TCK then looks for the secret in every message
     * of the exception and its causes. The default returns empty: that test is skipped
     * as not verified (right for a store that cannot fail to open, as the in-memory one).
     *
     * @return empty when the provider cannot be made to fail; otherwise it throws
     * @throws Exception the failure of the open, which MUST NOT contain the secret
     */
    protected Optional<MetaStore> openStoreThatFails() throws Exception {
        return Optional.empty();
    }

    /**
     * Fails at once when a build tool runs this class as a plain-Java ("POJO") test
     * instead of on the JUnit Platform. Maven Surefire older than 2.22 (the default of
     * Maven 3.6 and older is 2.12.4) cannot run JUnit 5 tests: it would run none of the
     * TCK and report "Tests run: 0 ... BUILD SUCCESS", a certification that checked
     * nothing. Such a Surefire calls every public {@code test*} method of a public
     * {@code *Test} class, so it calls this one, which says what to do (it skips a
     * package-private class silently: {@code <failIfNoTests>true</failIfNoTests>}
     * catches that). The JUnit Platform never calls it: it is not a {@code @Test}.
     *
     * @throws AssertionError always: the TCK is not being run by a JUnit 5 engine
     */
    public final void testThatAJUnit5EngineRunsTheTck() {
        throw new AssertionError("The kubedl-persist TCK is JUnit 5 (Jupiter) tests, but this build runs them as plain-Java tests: "
                + "none of its rules ran. Use maven-surefire-plugin 3.0.0 or later (pin it in your pom) and keep "
                + "<failIfNoTests>true</failIfNoTests>; see docs/plugin-author-guide.md");
    }

    /**
     * The store the current test runs against. Rule groups read it; plugin authors MAY
     * use it in tests of their own.
     *
     * @return the store under test and what it declared
     */
    @Override
    public final StoreUnderTest sut() {
        return sut;
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

    Optional<MetaStore> openFailing() throws Exception {
        return openStoreThatFails();
    }
}
