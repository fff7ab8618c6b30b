package io.kubedl.persist.cli.output;

import java.util.function.Function;

/**
 * One field of a printed row.
 *
 * @param field the stable field name of JSON and CSV (the record's component name)
 * @param header the heading of a text table
 * @param value reads the value from a row: a String, Boolean, Number, Instant, or null
 * @param <T> the row type
 */
public record Column<T>(String field, String header, Function<T, Object> value) {
    /**
     * @param field JSON/CSV name
     * @param header text heading
     * @param value the reader
     * @param <T> the row type
     * @return the column
     */
    public static <T> Column<T> of(String field, String header, Function<T, Object> value) {
        return new Column<>(field, header, value);
    }
}
