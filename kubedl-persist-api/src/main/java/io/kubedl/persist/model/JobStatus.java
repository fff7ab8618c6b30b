package io.kubedl.persist.model;

import java.util.Locale;

/**
 * The observed status of a job. The known values are constants; a status this
 * library does not know (a newer operator) is kept as the string it was, never
 * dropped or mapped to something else.
 *
 * @param value the status as Kubernetes spells it, e.g. {@code "Running"}
 */
public record JobStatus(String value) {
    /** Created: accepted by the operator, no replica running yet. */
    public static final JobStatus CREATED = new JobStatus("Created");
    /** Running: the replicas run. */
    public static final JobStatus RUNNING = new JobStatus("Running");
    /** Restarting: replicas are being restarted after a failure. */
    public static final JobStatus RESTARTING = new JobStatus("Restarting");
    /** Succeeded: finished successfully. */
    public static final JobStatus SUCCEEDED = new JobStatus("Succeeded");
    /** Failed: finished unsuccessfully. */
    public static final JobStatus FAILED = new JobStatus("Failed");
    /** Removed from etcd before it finished (rule D1). */
    public static final JobStatus STOPPED = new JobStatus("Stopped");

    private static final java.util.List<JobStatus> KNOWN =
            java.util.List.of(CREATED, RUNNING, RESTARTING, SUCCEEDED, FAILED, STOPPED);

    /**
     * @param value the status as Kubernetes spells it, e.g. {@code "Running"}
     * @throws IllegalArgumentException when value is null or blank
     */
    public JobStatus {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("status: must not be null or blank");
        }
    }

    /**
     * Returns the constant for a known status or a new status that keeps the string.
     * The misspelling {@code Succeed} written by KubeDL's Go implementation reads as
     * {@link #SUCCEEDED}.
     *
     * @param value the status string
     * @return the status
     */
    public static JobStatus of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("status: must not be null or blank");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "created" -> CREATED;
            case "running" -> RUNNING;
            case "restarting" -> RESTARTING;
            case "succeeded", "succeed" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "stopped" -> STOPPED;
            default -> new JobStatus(value);
        };
    }

    /** @return true for Succeeded, Failed and Stopped: the job will not run again */
    public boolean isFinished() {
        return equals(SUCCEEDED) || equals(FAILED) || equals(STOPPED);
    }

    /** @return true when this is one of the constants of this class */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
