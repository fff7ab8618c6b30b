package io.kubedl.persist.mysql.config;

import io.kubedl.persist.ConfigurationException;
import java.util.Locale;

/**
 * What {@link io.kubedl.persist.mysql.MySqlProvider#open} does with the schema (option {@code migration},
 * env {@code MYSQL_MIGRATION}).
 */
public enum MigrationMode {
    /** Apply missing migrations under a named lock, then validate (the default; needs CREATE, ALTER, INDEX). */
    MIGRATE,
    /** Only check that the schema is exactly the version this code expects; fail otherwise (needs SELECT only). */
    VALIDATE,
    /** Do not look at the schema at all (the operator manages it). */
    SKIP;

    /**
     * @param text migrate, validate or skip, case-insensitive
     * @return the mode
     * @throws ConfigurationException naming the option and the accepted values
     */
    public static MigrationMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "migrate" -> MIGRATE;
            case "validate" -> VALIDATE;
            case "skip" -> SKIP;
            // adopting KubeDL's tables renames and copies them: an operator's deliberate step, never a start-up mode
            case "adopt" -> throw new ConfigurationException("option migration=adopt is not a start-up mode: adopting"
                    + " KubeDL's tables is a step an operator runs on purpose with the ops CLI's adopt (KubedlAdoption),"
                    + " dry run first; see docs/migrating-from-kubedl.md");
            default -> throw new ConfigurationException("option migration must be one of migrate, validate, skip, was '"
                    + text + "' (set MYSQL_MIGRATION or --storage-option migration=...)");
        };
    }
}
