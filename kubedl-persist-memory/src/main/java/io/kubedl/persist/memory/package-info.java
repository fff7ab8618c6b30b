/**
 * The in-memory provider ({@code --meta-storage memory}): the reference
 * implementation of the persistence contract, certified by the TCK, and a
 * thread-safe test double for controller tests.
 *
 * <p>Public: {@link io.kubedl.persist.memory.InMemoryProvider} and
 * {@link io.kubedl.persist.memory.InMemoryMetaStore}. Everything else in this
 * package is package-private and not API.
 */
package io.kubedl.persist.memory;
