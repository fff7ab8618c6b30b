package io.kubedl.persist.cli.output;

/** The formats of {@code --output}. */
public enum OutputFormat {
    /** Aligned columns for a person, a chosen subset of the fields. */
    TEXT,
    /** One JSON object per line (JSON Lines), every field, stable field names. */
    JSON,
    /** RFC 4180 CSV with a header of the field names, every field. */
    CSV
}
