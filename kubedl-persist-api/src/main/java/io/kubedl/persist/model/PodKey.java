package io.kubedl.persist.model;

/**
 * The identity of a pod row (rule I1): the deploy region and the pod's Kubernetes UID.
 *
 * @param region the deploy region; null is read as the empty region
 * @param podId the pod's Kubernetes UID
 */
public record PodKey(String region, String podId) {
    /**
     * @param region the deploy region; null is read as the empty region
     * @param podId the pod's Kubernetes UID
     * @throws IllegalArgumentException when podId is null or blank
     */
    public PodKey {
        region = region == null ? "" : region;
        if (podId == null || podId.isBlank()) {
            throw new IllegalArgumentException("podId: must not be null or blank");
        }
    }

    /**
     * @param podId the UID
     * @return the key of that pod in the empty region
     */
    public static PodKey of(String podId) {
        return new PodKey("", podId);
    }

    @Override
    public String toString() {
        return region.isEmpty() ? podId : region + "/" + podId;
    }
}
