package io.kubedl.persist.cli.output;

import java.util.List;

/**
 * The columns of one kind of row: every field for JSON and CSV, and the subset a
 * person reads in a text table.
 *
 * @param all every field, in a stable order
 * @param text the columns of a text table
 * @param <T> the row type
 */
public record RowLayout<T>(List<Column<T>> all, List<Column<T>> text) {
    /**
     * Copies both lists.
     *
     * @param all every field
     * @param text the columns of a text table
     */
    public RowLayout {
        all = List.copyOf(all);
        text = List.copyOf(text);
    }

    /**
     * @param format the output format
     * @return the columns printed in it
     */
    public List<Column<T>> columns(OutputFormat format) {
        return format == OutputFormat.TEXT ? text : all;
    }
}
