package org.mlops4j.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/** Tables for the model tests: the breast-cancer data shipped with scikit-learn, and small generated tables. */
final class TestTables {

    private TestTables() {
    }

    /** @return scikit-learn's breast_cancer data: 30 numeric features and a 0/1 {@code target} (1 = benign) */
    static Table breastCancer() {
        return numericCsv("/breast_cancer.csv");
    }

    /**
     * @param resource a class-path CSV whose cells are all numbers (or empty for missing)
     * @return its columns as numeric columns
     */
    static Table numericCsv(String resource) {
        try (InputStream in = TestTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<NumericColumn.Builder> builders = new ArrayList<>();
            for (String name : header) {
                builders.add(NumericColumn.builder(name, 1024));
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i].isEmpty()) {
                        builders.get(i).addNull();
                    } else {
                        builders.get(i).add(Double.parseDouble(cells[i]));
                    }
                }
            }
            List<Column> columns = new ArrayList<>();
            builders.forEach(b -> columns.add(b.build()));
            return Table.of(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small lead-like table: a numeric column with gaps, a city with gaps and a rare level, and a target
     * {@code converted} ("yes"/"no") that depends on both.
     *
     * @param rows how many rows
     * @param seed the random seed
     * @return the table
     */
    static Table leads(int rows, long seed) {
        Random random = new Random(seed);
        String[] cities = {"paris", "lyon", "nice"};
        NumericColumn.Builder visits = NumericColumn.builder("visits", rows);
        NumericColumn.Builder income = NumericColumn.builder("income", rows);
        CategoricalColumn.Builder city = CategoricalColumn.builder("city", rows);
        CategoricalColumn.Builder converted = CategoricalColumn.builder("converted", rows);
        for (int i = 0; i < rows; i++) {
            double v = random.nextInt(10);
            double inc = 20_000 + random.nextGaussian() * 5_000;
            String c = i % 97 == 0 ? "marseille" : cities[random.nextInt(3)];
            double logit = -2.0 + 0.4 * v + (c.equals("paris") ? 1.0 : 0.0) + (inc - 20_000) / 5_000 * 0.5;
            boolean yes = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            visits.add(v);
            if (random.nextDouble() < 0.05) {
                income.addNull();
            } else {
                income.add(inc);
            }
            city.add(random.nextDouble() < 0.04 ? null : c);
            converted.add(yes ? "yes" : "no");
        }
        return Table.of(visits.build(), income.build(), city.build(), converted.build());
    }
}
