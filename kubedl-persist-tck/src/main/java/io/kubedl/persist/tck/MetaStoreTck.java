package io.kubedl.persist.tck;

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
 * override {@link #cleanStore(io.kubedl.persist.spi.MetaStore)} with a cheap truncate
 * (the default closes the store and opens a new one before every test), and MAY
 * override {@link #secret()} to have the P3 test look for its password.
 *
 * <p>Optional rules (count, reconcile, purge) run when the store declares the
 * capability in {@link io.kubedl.persist.spi.MetaStore#capabilities()} and are
 * skipped, with the reason, when it does not. A store that declares a capability and
 * throws {@link UnsupportedOperationException} fails.
 *
 * <p>Every test name starts with {@code required_} or {@code optional_} and the rule
 * id ({@code required_W4_olderJobVersionIsStale}); every failure message starts with
 * the rule id and ends with what to check ({@link ContractRule#hint()}).
 */
public abstract class MetaStoreTck extends ScenarioTests {

    /** For subclasses: one per provider under test. */
    protected MetaStoreTck() {
    }
}
