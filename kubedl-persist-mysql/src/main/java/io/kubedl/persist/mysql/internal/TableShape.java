package io.kubedl.persist.mysql.internal;

import io.kubedl.persist.mysql.schema.TableGeneration;

import java.util.List;
import java.util.Set;

/**
 * What a table of the database really is: its columns and unique keys as
 * information_schema reports them, and the generation they reveal.
 *
 * @param table the table name
 * @param generation who made it
 * @param columns its columns, lower case
 * @param uniqueKeys the names of its unique keys (PRIMARY included)
 * @param unknownColumns columns no known generation has (for {@link TableGeneration#UNKNOWN})
 * @param missingColumns columns its generation needs that it lacks
 */
public record TableShape(String table, TableGeneration generation, Set<String> columns, Set<String> uniqueKeys,
        List<String> unknownColumns, List<String> missingColumns) {

    /** @return true unless the table is absent */
    public boolean exists() {
        return generation != TableGeneration.ABSENT;
    }

    /** @return e.g. {@code job_info (KubeDL current)} */
    public String describe() {
        return table + " (" + generation.label() + ")";
    }
}
