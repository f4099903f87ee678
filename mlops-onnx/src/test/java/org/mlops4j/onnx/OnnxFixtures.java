package org.mlops4j.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;

/** The committed fixtures of {@code src/test/resources/onnx} (made by {@code make_onnx_fixtures.py}). */
final class OnnxFixtures {

    /** The three numeric features, in the order of the logistic and forest graphs' one input tensor. */
    static final Schema NUMERIC_FEATURES = Schema.builder()
            .column("total_leads_droppped", ColumnType.NUMERIC)
            .column("city_tier", ColumnType.NUMERIC)
            .column("referred_lead", ColumnType.NUMERIC)
            .build();

    /** One row of scikit-learn's predictions: the label and the probabilities in class order. */
    record Expected(String label, double[] probabilities) {
    }

    private OnnxFixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(OnnxFixtures.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Table holdout() {
        return CsvReader.builder().build().read(file("holdout.csv"));
    }

    static List<Expected> expected(String model) {
        try {
            List<String> lines = Files.readAllLines(file(model + "_expected.csv"));
            List<Expected> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                double[] p = new double[fields.length - 2];
                for (int i = 0; i < p.length; i++) {
                    p[i] = Double.parseDouble(fields[i + 2]);
                }
                rows.add(new Expected(fields[1], p));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
