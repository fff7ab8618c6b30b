package io.kubedl.persist.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed-width text table as {@code kubectl get} prints one: upper-case headers,
 * columns padded to their widest cell and separated by three spaces, "-" for an
 * absent value, no trailing blanks.
 */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param headers the column headers */
    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * @param cells one value per column; null prints as "-"
     * @return this
     */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList());
        return this;
    }

    /** @return how many rows the table has */
    public int size() {
        return rows.size();
    }

    /** @return the table, one line per row after the header line, each ending with a newline */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 3));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
