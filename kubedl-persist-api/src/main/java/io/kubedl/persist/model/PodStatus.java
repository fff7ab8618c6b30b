package io.kubedl.persist.model;

import java.util.Locale;

/**
 * The observed phase of a pod, plus {@link #STOPPED}. A phase this library does not
 * know is kept as the string it was.
 *
 * @param value the phase as Kubernetes spells it, e.g. {@code "Pending"}
 */
public record PodStatus(String value) {
    /** Pending: accepted, not every container running yet (scheduling, image pulls). */
    public static final PodStatus PENDING = new PodStatus("Pending");
    /** Running: bound to a node, at least one container running. */
    public static final PodStatus RUNNING = new PodStatus("Running");
    /** Succeeded: every container terminated successfully. */
    public static final PodStatus SUCCEEDED = new PodStatus("Succeeded");
    /** Failed: every container terminated, at least one in failure. */
    public static final PodStatus FAILED = new PodStatus("Failed");
    /** Unknown: the pod's state could not be obtained from its node. */
    public static final PodStatus UNKNOWN = new PodStatus("Unknown");
    /** Removed from etcd before it finished (rule D1). */
    public static final PodStatus STOPPED = new PodStatus("Stopped");

    /**
     * @param value the phase as Kubernetes spells it, e.g. {@code "Pending"}
     * @throws IllegalArgumentException when value is null or blank
     */
    public PodStatus {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("status: must not be null or blank");
        }
    }

    /**
     * Returns the constant for a known phase or a new status that keeps the string.
     * KubeDL's Go misspellings {@code Succeed} and {@code Unkown} read as the words
     * Kubernetes uses.
     *
     * @param value the phase string
     * @return the status
     */
    public static PodStatus of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("status: must not be null or blank");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pending" -> PENDING;
            case "running" -> RUNNING;
            case "succeeded", "succeed" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "unknown", "unkown" -> UNKNOWN;
            case "stopped" -> STOPPED;
            default -> new PodStatus(value);
        };
    }

    /** @return true for Succeeded, Failed and Stopped: the pod will not run again */
    public boolean isFinished() {
        return equals(SUCCEEDED) || equals(FAILED) || equals(STOPPED);
    }

    @Override
    public String toString() {
        return value;
    }
}
