package io.kubedl.persist.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows in one of the {@link OutputFormat}s. A text table is aligned over the
 * rows it is given (one page at most, so the buffer is bounded); JSON and CSV print
 * every field with the stable field names of {@link Column#field()}.
 */
public final class RowPrinter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final OutputFormat format;
    private final TimeFormat times;
    private final PrintWriter out;

    /**
     * @param format the format
     * @param times how times are written
     * @param out where rows go
     */
    public RowPrinter(OutputFormat format, TimeFormat times, PrintWriter out) {
        this.format = format;
        this.times = times;
        this.out = out;
    }

    /** @return the format rows are printed in */
    public OutputFormat format() {
        return format;
    }

    /**
     * Prints the rows; a text table or CSV starts with its header, also when there is no row.
     *
     * @param layout the columns
     * @param rows the rows
     * @param <T> the row type
     */
    public <T> void print(RowLayout<T> layout, List<T> rows) {
        List<Column<T>> columns = layout.columns(format);
        switch (format) {
            case TEXT -> printText(columns, rows);
            case JSON -> rows.forEach(row -> out.println(json(columns, row, null)));
            case CSV -> printCsv(columns, rows);
        }
        out.flush();
    }

    /**
     * One JSON object with every field of the row, and optionally one more field
     * holding an array of nested objects (a job's pods).
     *
     * @param columns the fields
     * @param row the row
     * @param nested null, or the name and rows of a nested array
     * @param <T> the row type
     * @param <N> the nested row type
     * @return the JSON text, on one line
     */
    public <T, N> String json(List<Column<T>> columns, T row, Nested<N> nested) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            writeFields(json, columns, row);
            if (nested != null) {
                json.writeArrayFieldStart(nested.field());
                for (N item : nested.rows()) {
                    json.writeStartObject();
                    writeFields(json, nested.columns(), item);
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A nested array of a JSON object.
     *
     * @param field its field name
     * @param columns the fields of its objects
     * @param rows its rows
     * @param <N> the row type
     */
    public record Nested<N>(String field, List<Column<N>> columns, List<N> rows) {
    }

    private <T> void writeFields(JsonGenerator json, List<Column<T>> columns, T row) throws IOException {
        for (Column<T> column : columns) {
            Object value = column.value().apply(row);
            json.writeFieldName(column.field());
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Integer i) {
                json.writeNumber(i);
            } else if (value instanceof Long l) {
                json.writeNumber(l);
            } else if (value instanceof Instant t) {
                json.writeString(times.format(t));
            } else {
                json.writeString(value.toString());
            }
        }
    }

    private <T> void printText(List<Column<T>> columns, List<T> rows) {
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int i = 0; i < header.length; i++) {
            header[i] = columns.get(i).header();
        }
        cells.add(header);
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = text(columns.get(i).value().apply(row));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].codePointCount(0, line[i].length()));
            }
        }
        for (String[] line : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(line[i]);
                if (i < line.length - 1) {
                    b.append(" ".repeat(widths[i] - line[i].codePointCount(0, line[i].length()) + 3));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /**
     * @param value a field value
     * @return how a text table shows it: {@code -} for none, yes/no, ISO-8601 times, values on one line
     */
    public String text(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return "-";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Instant t) {
            return times.format(t);
        }
        return value.toString().replaceAll("[\\r\\n\\t]+", " ");
    }

    private <T> void printCsv(List<Column<T>> columns, List<T> rows) {
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(csv(c.field())));
        out.print(String.join(",", header) + "\r\n");
        for (T row : rows) {
            List<String> line = new ArrayList<>();
            for (Column<T> column : columns) {
                Object value = column.value().apply(row);
                line.add(value == null ? "" : csv(value instanceof Instant t ? times.format(t) : value.toString()));
            }
            out.print(String.join(",", line) + "\r\n");
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
