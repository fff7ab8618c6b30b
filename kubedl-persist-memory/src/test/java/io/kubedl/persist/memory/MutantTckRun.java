package io.kubedl.persist.memory;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The TCK against whichever store {@link TckSelfTest} hands in. Its name does not
 * match Surefire's test patterns on purpose: only the self-test launches it.
 */
class MutantTckRun extends MetaStoreTck {
    /** The password every launched store is said to know, so that the P3 test runs. */
    static final String SECRET = "tck-self-test-secret";

    /** The store factory of the current launch; the launcher runs one class at a time. */
    static volatile Supplier<MetaStore> factory;
    /** What opening with settings that cannot work does in the current launch (P3). */
    static volatile Callable<Optional<MetaStore>> failedOpen = Mutant.CLEAN_FAILED_OPEN;

    @Override
    protected MetaStore openStore() {
        return factory.get();
    }

    @Override
    protected Optional<MetaStore> openStoreThatFails() throws Exception {
        return failedOpen.call();
    }

    @Override
    protected Optional<String> secret() {
        return Optional.of(SECRET);
    }
}
