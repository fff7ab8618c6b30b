package io.kubedl.persist.mysql.schema;

/**
 * Who made a table named {@code job_info} or {@code replica_info}, judged from its
 * columns (never from version rows alone).
 */
public enum TableGeneration {
    /** No such table. */
    ABSENT("absent"),
    /** kubedl-persist's own table (it has {@code write_nonce}). */
    KUBEDL_PERSIST("kubedl-persist"),
    /** KubeDL's first schema (v0.3, the seed document): job {@code gmt_finished}; pod {@code is_del}. */
    KUBEDL_SEED("KubeDL seed-era"),
    /**
     * KubeDL's later schema: job {@code gmt_job_running}, {@code gmt_job_finished},
     * {@code remark} (mid-2021 on); pod {@code deleted} (April 2020 on).
     */
    KUBEDL_CURRENT("KubeDL current"),
    /** Columns that neither kubedl-persist nor any KubeDL generation has, or that lack KubeDL's. */
    UNKNOWN("unknown");

    private final String label;

    TableGeneration(String label) {
        this.label = label;
    }

    /** @return true for both KubeDL generations */
    public boolean isKubedl() {
        return this == KUBEDL_SEED || this == KUBEDL_CURRENT;
    }

    /** @return a short human name, e.g. {@code KubeDL seed-era} */
    public String label() {
        return label;
    }
}
