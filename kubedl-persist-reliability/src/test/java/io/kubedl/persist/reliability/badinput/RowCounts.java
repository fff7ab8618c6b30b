package io.kubedl.persist.reliability.badinput;

import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;

/**
 * How many job and pod rows a store holds, to show that a refused write left nothing behind.
 *
 * @param jobs job rows
 * @param pods pod rows
 */
public record RowCounts(long jobs, long pods) {

    /** @param store the store @return its row counts now */
    public static RowCounts of(MetaStore store) {
        return new RowCounts(store.jobs().count(JobQuery.builder().build()), store.pods().count(PodQuery.builder().build()));
    }
}
