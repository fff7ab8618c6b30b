package io.kubedl.persist.reliability.badinput;

import io.kubedl.persist.spi.MetaStore;

/**
 * One row of the catalogue: a kind of input, the rules it exercises, and the check
 * that runs it against a store and asserts the outcome (a clear refusal naming the
 * field, or an exact round trip) and that nothing was partly written.
 *
 * @param kind what is fed in, e.g. "name of 254 characters"
 * @param rules the contract rules this row exercises
 * @param expected the outcome in words, for the table in docs/reliability.md
 * @param check the executable check
 */
public record BadInputCase(String kind, String rules, String expected, Check check) {

    /** The executable part of a row. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param store an open store
         * @param ids a source of identities no other row uses
         * @throws Exception when the check fails (AssertionError) or the store misbehaves
         */
        void run(MetaStore store, UniqueIds ids) throws Exception;
    }

    @Override
    public String toString() {
        return kind + " (" + rules + ")";
    }
}
