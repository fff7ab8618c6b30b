package io.kubedl.persist.reliability.model;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.Page;
import io.kubedl.persist.query.PageSize;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.MetaStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Every job and pod row of a store, read through the public listing (keyset pages of
 * the maximum size), so that a duplicated row would show up twice.
 *
 * @param jobs every job row, in listing order
 * @param pods every pod row, in listing order
 */
public record StoreSnapshot(List<JobRecord> jobs, List<PodRecord> pods) {

    /** Copies the lists. */
    public StoreSnapshot {
        jobs = List.copyOf(jobs);
        pods = List.copyOf(pods);
    }

    /**
     * @param store the store to read
     * @param region only rows of this region
     * @return all its rows of that region
     */
    public static StoreSnapshot read(MetaStore store, String region) {
        List<JobRecord> jobs = new ArrayList<>();
        JobQuery jobQuery = JobQuery.builder().region(region).pageSize(PageSize.MAX).build();
        while (true) {
            Page<JobRecord> page = store.jobs().list(jobQuery);
            jobs.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            jobQuery = jobQuery.nextPage(page.nextPageToken());
        }
        List<PodRecord> pods = new ArrayList<>();
        PodQuery podQuery = PodQuery.builder().region(region).pageSize(PageSize.MAX).build();
        while (true) {
            Page<PodRecord> page = store.pods().list(podQuery);
            pods.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            podQuery = podQuery.nextPage(page.nextPageToken());
        }
        return new StoreSnapshot(jobs, pods);
    }
}
