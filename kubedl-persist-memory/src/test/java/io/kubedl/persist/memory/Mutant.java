package io.kubedl.persist.memory;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.ContractRule;
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
 */
record Mutant(String name, ContractRule rule, String defect, Supplier<MetaStore> factory) {
}
