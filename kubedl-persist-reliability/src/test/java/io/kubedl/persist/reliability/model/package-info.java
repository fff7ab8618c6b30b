/**
 * A generated, realistic stream of watch events over jobs and pods, the final state
 * every store MUST end in after consuming it (the oracle), and the comparison of a
 * store's rows with that state: lost, regressed, duplicated, unexpected, mismatched.
 */
package io.kubedl.persist.reliability.model;
