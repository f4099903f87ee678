package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Metric values as MLflow writes them: Python's {@code str(float)} of 3,023 doubles (edge cases, random bit patterns,
 * uniform and rounded values), computed with Python 3.11 and committed as
 * {@code mlflow-metric-values/python-str.tsv}.
 */
class MlflowMetricLineTest {

    @Test
    void everyValueIsWrittenAsPythonWritesIt() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/mlflow-metric-values/python-str.tsv")), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
                String written = MlflowMetricLine.pythonRepr(value);
                if (!written.equals(fields[1])) {
                    mismatches.add(fields[0] + ": Python " + fields[1] + ", mlops4j " + written);
                }
                count++;
            }
        }
        assertEquals(3023, count);
        assertEquals(List.of(), mismatches);
    }
}
