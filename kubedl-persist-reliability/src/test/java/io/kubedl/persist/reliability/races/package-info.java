/**
 * Races (rules W6, I2, W8, B1): many threads saving shuffled versions of the same
 * identities, in single saves and batches, with removals in between; the end state
 * MUST be one row per identity at its highest version, removed rows staying removed.
 */
package io.kubedl.persist.reliability.races;
