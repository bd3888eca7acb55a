package io.attune.learn.table;

import java.util.List;
import java.util.Objects;

/**
 * A CSV as read: the header and the rows whose field count matches it, every value still text.
 *
 * @param columns  the header, in file order
 * @param rows     one array per data row, each as long as the header
 * @param skipped  data rows left out because their field count differed from the header's
 */
public record Table(List<String> columns, List<String[]> rows, int skipped) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must not be negative");
        }
        for (String[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("every row must have " + columns.size() + " fields");
            }
        }
    }

    /** The position of a column by its header name, or an exception naming the columns there are. */
    public int indexOf(String column) {
        Objects.requireNonNull(column, "column");
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; the columns are " + columns);
        }
        return index;
    }
}
