package io.kubedl.persist.tck;

import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.MetaStore;
import java.util.Optional;
import java.util.Set;

/**
 * The store the TCK tests run against, with what it declared when it was opened.
 * {@link MetaStoreTck} owns it; the rule groups read it.
 */
public final class StoreUnderTest {
    private final MetaStoreTck tck;
    private MetaStore store;
    private Set<Capability> capabilities;
    private FieldLimits limits;
    private TckRecords records = new TckRecords();

    StoreUnderTest(MetaStoreTck tck) {
        this.tck = tck;
    }

    /** @return the open store of the current test */
    public MetaStore store() {
        if (store == null) {
            throw new IllegalStateException("no store is open: openStore() failed or was not called");
        }
        return store;
    }

    /** @return what the store declared in capabilities() when it was opened */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** @return what the store declared in limits() when it was opened */
    public FieldLimits limits() {
        return limits;
    }

    /** @return the record factory of the current test */
    public TckRecords records() {
        return records;
    }

    /** @return the password the store was opened with, if the plugin author named it (rule P3) */
    public Optional<String> secret() {
        return tck.secret();
    }

    /**
     * Opens a second store with the plugin's {@code openStore()}, for tests that must
     * close a store (P4) without disturbing the shared one. The caller closes it.
     *
     * @return a new open store
     */
    public MetaStore openAnother() {
        return tck.openChecked();
    }

    /**
     * Runs the plugin's {@code openStoreThatFails()} hook, for the P3 test of a failed open.
     *
     * @return empty when the plugin did not override the hook; otherwise the hook throws
     * @throws Exception what the failed open threw
     */
    public Optional<MetaStore> openThatFails() throws Exception {
        return tck.openFailing();
    }

    void open() {
        store = tck.openChecked();
        capabilities = Set.copyOf(store.capabilities());
        limits = store.limits();
    }

    void newRecords() {
        records = new TckRecords();
    }

    void close() {
        if (store != null) {
            MetaStore closing = store;
            store = null;
            closing.close();
        }
    }
}
