package org.mlops4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table printed for people: a header, then one line per row, each column as wide as its widest cell (cut at
 * {@value #MAX_CELL} characters), numbers aligned right. Commands print it; {@code --json} is for machines.
 */
final class TextTable {

    /** The most characters a cell shows; a longer value ends with {@code …}. */
    static final int MAX_CELL = 40;

    private final List<String> header;
    private final List<Boolean> numeric;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header, List<Boolean> numeric) {
        this.header = List.copyOf(header);
        this.numeric = List.copyOf(numeric);
    }

    /**
     * @param header  the column names
     * @param numeric for each column, whether it holds numbers (aligned right)
     * @return an empty table
     */
    static TextTable of(List<String> header, List<Boolean> numeric) {
        if (header.size() != numeric.size()) {
            throw new IllegalArgumentException("A table of " + header.size() + " columns needs " + header.size()
                    + " alignment flags, got " + numeric.size());
        }
        return new TextTable(header, numeric);
    }

    /**
     * @param cells one value per column ({@code ""} for none)
     * @return this table
     */
    TextTable add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("A row of this table needs " + header.size() + " cells, got "
                    + cells.size());
        }
        rows.add(cells.stream().map(TextTable::cut).toList());
        return this;
    }

    /**
     * @param value a number
     * @return it as a cell: whole numbers without decimals, others with four
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** @return the header and rows, one per line, each ending with a line separator */
    String render() {
        List<String> cutHeader = header.stream().map(TextTable::cut).toList();
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = cutHeader.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, cutHeader, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - cells.get(c).length());
            line.append(numeric.get(c) ? pad + cells.get(c) : cells.get(c) + pad);
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String cut(String value) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }
}
