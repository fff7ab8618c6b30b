package io.kubedl.persist.model;

/**
 * The identity of a job row (rule I1): the deploy region and the Kubernetes UID. A
 * job deleted and re-created under the same name has a new UID, hence a new row.
 *
 * @param region the deploy region; null is read as the empty region
 * @param jobId the job's Kubernetes UID
 */
public record JobKey(String region, String jobId) {
    /**
     * @param region the deploy region; null is read as the empty region
     * @param jobId the job's Kubernetes UID
     * @throws IllegalArgumentException when jobId is null or blank
     */
    public JobKey {
        region = region == null ? "" : region;
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("jobId: must not be null or blank");
        }
    }

    /**
     * @param jobId the UID
     * @return the key of that job in the empty region
     */
    public static JobKey of(String jobId) {
        return new JobKey("", jobId);
    }

    @Override
    public String toString() {
        return region.isEmpty() ? jobId : region + "/" + jobId;
    }
}
