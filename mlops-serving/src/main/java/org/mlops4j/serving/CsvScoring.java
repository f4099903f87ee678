package org.mlops4j.serving;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.tracking.ModelUri;
import org.mlops4j.models.ColumnImputation;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.serving.internal.CsvScoringInput;
import org.mlops4j.serving.internal.ModelLoader;
import org.mlops4j.serving.internal.RequestTable;
import org.mlops4j.serving.internal.ScoredRequest;
import org.mlops4j.serving.internal.ServedModel;
import org.mlops4j.serving.internal.ServingStores;

/**
 * Scores a CSV file with a registered model, with exactly the checks of the {@link ModelServer} (each row against the
 * model's input schema; a bad row gets its error, the others are scored), into a CSV file: the input's columns as
 * they were, then {@value #LABEL_COLUMN}, {@value #SCORE_COLUMN} and one {@value #PROBABILITY_PREFIX}{@code <class>}
 * column per class (classification) or {@value #VALUE_COLUMN} (regression), and {@value #ERROR_COLUMN}, empty where
 * the row was scored. This is {@code mlops predict}.
 *
 * <pre>{@code
 * CsvScoringSummary summary = CsvScoring.score("models:/lead-scoring@champion", mlops,
 *         Path.of("leads.csv"), Path.of("scored.csv"));
 * }</pre>
 */
public final class CsvScoring {

    /** The output column with the predicted class. */
    public static final String LABEL_COLUMN = "prediction_label";
    /** The output column with the predicted class's probability (or the model's own score). */
    public static final String SCORE_COLUMN = "prediction_score";
    /** The prefix of the output columns with each class's probability. */
    public static final String PROBABILITY_PREFIX = "probability_";
    /** The output column with a regression's predicted value. */
    public static final String VALUE_COLUMN = "prediction_value";
    /** The output column with each failed row's error. */
    public static final String ERROR_COLUMN = "_error";

    private CsvScoring() {
    }

    /**
     * @param modelUri {@code models:/name/N}, {@code models:/name/Stage} or {@code models:/name@alias}
     * @param mlops    where the tracking store and registry are (opened read-only)
     * @param input    a UTF-8 CSV file with a header and the model's input columns (others are copied through)
     * @param output   the CSV file to write (replaced if it exists)
     * @return the version that scored, and the row, error and imputation counts
     * @throws org.mlops4j.core.MlopsException naming the problem when the URI names no version, the input is not CSV
     *                                         or lacks a column the model takes
     * @throws UncheckedIOException            when a file cannot be read or written
     */
    public static CsvScoringSummary score(String modelUri, Mlops mlops, Path input, Path output) {
        ModelUri uri = ModelUri.parse(Objects.requireNonNull(modelUri, "modelUri"));
        try (ServingStores stores = ServingStores.open(mlops)) {
            ModelLoader loader = new ModelLoader(uri, stores.registry(), stores.tracking(), Clock.systemUTC());
            ServedModel model = loader.load(loader.resolve());
            RequestTable rows = read(input);
            ScoredRequest scored = ScoredRequest.score(model, rows);
            CsvWriter.builder().build().write(output(model, rows, scored), output);
            return new CsvScoringSummary(ServedVersion.of(model.version()), scored.rows(), scored.failedRows(),
                    counts(scored, true), counts(scored, false));
        }
    }

    private static RequestTable read(Path input) {
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            return CsvScoringInput.read(reader, input.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input + ": " + e, e);
        }
    }

    private static Table output(ServedModel model, RequestTable rows, ScoredRequest scored) {
        int n = scored.rows();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < rows.columns().size(); c++) {
            TextColumn.Builder column = TextColumn.builder(rows.columns().get(c), n);
            for (RequestTable.Row row : rows.rows()) {
                column.add(row.values()[c].isNull() ? null : row.values()[c].textValue());
            }
            columns.add(column.build());
        }
        List<String> classes = model.model().classLabels();
        if (classes.isEmpty()) {
            columns.add(numbers(VALUE_COLUMN, scored, row -> row.score().orElse(Double.NaN)));
        } else {
            TextColumn.Builder labels = TextColumn.builder(LABEL_COLUMN, n);
            for (int row = 0; row < n; row++) {
                labels.add(scored.prediction(row).flatMap(PredictedRow::label).orElse(null));
            }
            columns.add(labels.build());
            columns.add(numbers(SCORE_COLUMN, scored, row -> row.score().orElse(Double.NaN)));
            for (String label : classes) {
                columns.add(numbers(PROBABILITY_PREFIX + label, scored,
                        row -> row.probabilities().getOrDefault(label, Double.NaN)));
            }
        }
        TextColumn.Builder errors = TextColumn.builder(ERROR_COLUMN, n);
        for (int row = 0; row < n; row++) {
            errors.add(scored.error(row).map(e -> e.message()).orElse(null));
        }
        columns.add(errors.build());
        return Table.of(columns);
    }

    private static NumericColumn numbers(String name, ScoredRequest scored,
            java.util.function.ToDoubleFunction<PredictedRow> value) {
        NumericColumn.Builder column = NumericColumn.builder(name, scored.rows());
        for (int row = 0; row < scored.rows(); row++) {
            double v = scored.prediction(row).map(value::applyAsDouble).orElse(Double.NaN);
            if (Double.isNaN(v)) {
                column.addNull();
            } else {
                column.add(v);
            }
        }
        return column.build();
    }

    private static Map<String, Integer> counts(ScoredRequest scored, boolean missing) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ColumnImputation column : scored.predictions().imputation()) {
            int count = missing ? column.missingValues() : column.unseenLevels();
            if (count > 0) {
                counts.put(column.column(), count);
            }
        }
        return counts;
    }
}
