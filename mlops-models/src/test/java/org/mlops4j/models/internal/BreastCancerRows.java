package org.mlops4j.models.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's breast_cancer data from the test resource {@code /breast_cancer.csv}: the 30 features of each row in
 * file order and the target as {@code "0"} or {@code "1"}.
 *
 * @param x the feature rows
 * @param y the labels
 */
public record BreastCancerRows(double[][] x, String[] y) {

    /** @return the rows as the file holds them */
    public static BreastCancerRows read() {
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (InputStream in = BreastCancerRows.class.getResourceAsStream("/breast_cancer.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> header = List.of(lines[0].trim().split(","));
            int target = header.indexOf("target");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].trim().split(",");
                double[] x = new double[cells.length - 1];
                int k = 0;
                for (int j = 0; j < cells.length; j++) {
                    if (j != target) {
                        x[k++] = Double.parseDouble(cells[j]);
                    }
                }
                rows.add(x);
                labels.add(String.valueOf((int) Double.parseDouble(cells[target])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BreastCancerRows(rows.toArray(new double[0][]), labels.toArray(new String[0]));
    }

    /** @return the same rows with every feature standard-scaled as scikit-learn's StandardScaler (population sd) */
    public BreastCancerRows standardScaled() {
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i].clone();
        }
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] r : scaled) {
                mean += r[j];
            }
            mean /= scaled.length;
            double variance = 0;
            for (double[] r : scaled) {
                variance += (r[j] - mean) * (r[j] - mean);
            }
            double sd = Math.sqrt(variance / scaled.length);
            for (double[] r : scaled) {
                r[j] = (r[j] - mean) / sd;
            }
        }
        return new BreastCancerRows(scaled, y);
    }
}
