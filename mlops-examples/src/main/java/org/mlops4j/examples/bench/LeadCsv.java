package org.mlops4j.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * Reads the benchmark's lead-like CSV files (a header, then plain comma-separated values without quotes): the named
 * columns as categories, every other column as numbers.
 */
public final class LeadCsv {

    private LeadCsv() {
    }

    /**
     * @param file        the file
     * @param categorical the columns read as categories
     * @return the table
     * @throws IOException   when the file cannot be read
     * @throws DataException naming the line and column when a number cannot be read
     */
    public static Table read(Path file, Set<String> categorical) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split(",", -1);
            List<Object> builders = new ArrayList<>();
            for (String name : header) {
                builders.add(categorical.contains(name) ? CategoricalColumn.builder(name, 1 << 16)
                        : NumericColumn.builder(name, 1 << 16));
            }
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String[] cells = line.split(",", -1);
                for (int j = 0; j < header.length; j++) {
                    if (builders.get(j) instanceof CategoricalColumn.Builder c) {
                        c.add(cells[j]);
                    } else {
                        try {
                            ((NumericColumn.Builder) builders.get(j)).add(Double.parseDouble(cells[j]));
                        } catch (NumberFormatException e) {
                            throw new DataException("Not a number", file.toString(), lineNumber, header[j], cells[j],
                                    e);
                        }
                    }
                }
            }
            List<Column> columns = new ArrayList<>();
            for (Object b : builders) {
                columns.add(b instanceof CategoricalColumn.Builder c ? c.build() : ((NumericColumn.Builder) b).build());
            }
            return Table.of(columns);
        }
    }
}
