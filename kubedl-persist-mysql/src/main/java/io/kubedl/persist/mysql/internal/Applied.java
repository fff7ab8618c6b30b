package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.model.WriteOutcome;

/**
 * What one save does to one row under the contract's write rules: the outcome and
 * the row as it is afterwards (null when there is still no row).
 *
 * @param outcome the outcome of the save
 * @param row the row after the save
 * @param <R> JobRecord or PodRecord
 */
record Applied<R>(WriteOutcome outcome, R row) {
}
