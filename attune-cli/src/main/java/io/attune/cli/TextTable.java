package io.attune.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed in columns as wide as their widest cell, two spaces apart; the last column is not padded. */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        rows.add(List.of(headers));
    }

    void row(Object... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("a row has " + rows.get(0).size() + " cells, not " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns - 1; column++) {
                line.append(String.format("%-" + widths[column] + "s  ", row.get(column)));
            }
            out.println(line.append(row.get(columns - 1)));
        }
    }
}
