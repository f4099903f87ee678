package org.mlops4j.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mlops4j.core.spi.support.AtomicFiles;

/**
 * Writes a {@link Table} as CSV: a header row, then one line per row; fields that hold the separator, a quote or a
 * line break, or start or end with a space or tab, are quoted (a quote inside doubled, as RFC 4180 has it); null is
 * written as an empty field. UTF-8, {@code \n} line ends. Each value is written in the
 * form of {@link Column#format(int)}, except that a numeric {@code -0.0} keeps its sign.
 *
 * <p>{@link CsvReader} reads what this writer writes back into an equal table, given the same separator, as long as
 * the text values are not themselves null tokens (such as {@code NA} or the empty string, which are read as null
 * unless {@link CsvReader.Builder#nullTokens} says otherwise), a {@code NaN} number (written as {@code NaN}, a null
 * token too) is not among them, and the inferred types match the written ones (or are declared).
 *
 * <p>Writing to a file is atomic: the table goes to a temporary file in the same folder, which is then renamed over
 * the target, so a reader never sees half a file. Instances are immutable and thread-safe.
 */
public final class CsvWriter {

    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

    private final char separator;

    private CsvWriter(Builder builder) {
        this.separator = builder.separator;
    }

    /** @return a builder with the defaults (comma-separated) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a table to a file atomically, replacing it if it exists.
     *
     * @param table the table
     * @param file  the target file; its folder is created if needed
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(Table table, Path file) {
        AtomicFiles.write(file, out -> {
            try (Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                write(table, writer);
            }
        });
    }

    /**
     * Writes a table to a writer, which is flushed but not closed.
     *
     * @param table  the table
     * @param writer where to write
     * @throws UncheckedIOException when writing fails
     */
    public void write(Table table, Writer writer) {
        int columns = table.columnCount();
        StringBuilder line = new StringBuilder(256);
        try {
            for (int c = 0; c < columns; c++) {
                field(line, c, table.columnNames().get(c));
            }
            writer.write(line.append('\n').toString());
            for (int row = 0; row < table.rowCount(); row++) {
                line.setLength(0);
                for (int c = 0; c < columns; c++) {
                    field(line, c, format(table.column(c), row));
                }
                writer.write(line.append('\n').toString());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV: " + e.getMessage(), e);
        }
    }

    /** Appends one field, after a separator unless it is the first, quoted when reading it back needs that. */
    private void field(StringBuilder line, int column, String value) {
        if (column > 0) {
            line.append(separator);
        }
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            line.append(c);
            if (c == '"') {
                line.append('"');
            }
        }
        line.append('"');
    }

    /** A field is quoted when it holds the separator, a quote or a line break, or starts or ends with a space or tab. */
    private boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (isSpace(value.charAt(0)) || isSpace(value.charAt(value.length() - 1))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == separator || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String format(Column column, int row) {
        if (column instanceof NumericColumn numbers && !numbers.isNull(row)
                && Double.doubleToRawLongBits(numbers.getDouble(row)) == NEGATIVE_ZERO_BITS) {
            return "-0.0";
        }
        return column.format(row);
    }

    /** Options for a {@link CsvWriter}; not thread-safe. */
    public static final class Builder {
        private char separator = ',';

        private Builder() {
        }

        /**
         * @param separator the field separator; default {@code ','}
         * @return this builder
         */
        public Builder separator(char separator) {
            this.separator = separator;
            return this;
        }

        /** @return the writer */
        public CsvWriter build() {
            return new CsvWriter(this);
        }
    }
}
