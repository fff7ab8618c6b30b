package io.kubedl.persist.memory;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.ContractRule;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A deliberately broken in-memory store that breaks ONE rule of the contract in a
 * way real providers do. The TCK must kill it: at least one TCK test whose name or
 * failure message names {@link #rule()} must fail against it.
 *
 * @param name short name of the defect
 * @param rule the rule it breaks
 * @param defect what it does wrong, as a provider author would
 * @param factory opens a new, empty broken store
 * @param failedOpen what opening the store with settings that cannot work does (P3); it throws
 * @param killers when not empty, the only TCK tests allowed to fail on it: the tests written to catch this mistake
 */
record Mutant(String name, ContractRule rule, String defect, Supplier<MetaStore> factory, Callable<Optional<MetaStore>> failedOpen,
        Set<String> killers) {

    /** An open that fails the way a provider's should: a clear message, no password. */
    static final Callable<Optional<MetaStore>> CLEAN_FAILED_OPEN = () -> {
        throw new IllegalStateException("cannot open the in-memory test store at mem://kubedl@nowhere: connection refused");
    };

    Mutant(String name, ContractRule rule, String defect, Supplier<MetaStore> factory) {
        this(name, rule, defect, factory, CLEAN_FAILED_OPEN, Set.of());
    }

    Mutant onlyKilledBy(Set<String> tests) {
        return new Mutant(name, rule, defect, factory, failedOpen, Set.copyOf(tests));
    }
}
