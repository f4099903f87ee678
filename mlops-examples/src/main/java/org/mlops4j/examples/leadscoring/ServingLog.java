package org.mlops4j.examples.leadscoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.models.ColumnImputation;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;

/**
 * The serving log: a JSON-lines file with one line per captured request, that the monitoring pipeline reads as its
 * window of served data.
 *
 * <p>Each line holds {@value #TIMESTAMP} (ISO-8601), {@value #BATCH} (the inference batch's id), {@value #MODEL} and
 * {@value #MODEL_VERSION}, {@value #INPUTS} (the model's input columns and their values), {@value #PREDICTION} (the
 * predicted class, or null when the row failed), {@value #SCORE} (the probability of class 1) and, for a failed
 * row, {@value #ERROR}. Each line also holds its batch's imputation counts ({@link Predictions#imputation()}), the
 * same on every line of a batch so that any sample of lines shows them: {@value #MISSING_VALUES} (per input column,
 * how many values of the batch were missing and imputed, or under strict mode failed their rows) and
 * {@value #UNSEEN_LEVELS} (per categorical input column, how many values held a level the model does not know);
 * columns with a count of 0 are left out, so both are {@code {}} for a clean batch:
 * <pre>
 * {"timestamp":"2024-05-01T10:15:00Z","batch":"week-18","model":"lead-scoring","model_version":2,
 *  "missing_values":{"city_tier":3},"unseen_levels":{"first_platform_c":1},
 *  "inputs":{"city_tier":1.0,"first_platform_c":"Level0",...},"prediction":"1","score":0.81}
 * </pre>
 *
 * <p>Which rows are captured is decided by a seeded random draw per row with the configured sample rate, so the same
 * batch, rate and seed capture the same rows. Scores are written rounded to 6 decimals. One batch is appended with a
 * single write while holding an exclusive lock on the file, so concurrent writers (threads or processes) never
 * interleave lines; the file is append-only and is not forced to disk per batch (the cost of a sync per request batch
 * would dominate serving), so a machine crash may lose the last batches' lines. Thread-safe.
 */
public final class ServingLog {

    /** Field: when the batch was scored. */
    public static final String TIMESTAMP = "timestamp";
    /** Field: the inference batch's id. */
    public static final String BATCH = "batch";
    /** Field: the registered model's name. */
    public static final String MODEL = "model";
    /** Field: the model version that scored the row. */
    public static final String MODEL_VERSION = "model_version";
    /** Field: the batch's missing values per input column (those with at least one). */
    public static final String MISSING_VALUES = "missing_values";
    /** Field: the batch's values with a level the model does not know, per input column (those with at least one). */
    public static final String UNSEEN_LEVELS = "unseen_levels";
    /** Field: the input values, by column. */
    public static final String INPUTS = "inputs";
    /** Field: the predicted class. */
    public static final String PREDICTION = "prediction";
    /** Field: the probability of the positive class. */
    public static final String SCORE = "score";
    /** Field: why the row could not be scored. */
    public static final String ERROR = "error";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FileLocks LOCKS = new FileLocks(MlopsException::new);

    private final Path file;

    /**
     * @param file the JSON-lines file (created, with its folder, on the first append)
     */
    public ServingLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the JSON-lines file */
    public Path file() {
        return file;
    }

    /**
     * Captures a sample of a scored batch.
     *
     * @param batch         the batch's id
     * @param model         the registered model's name
     * @param modelVersion  the version that scored it
     * @param inputs        the rows as they were scored (only {@code inputColumns} are written)
     * @param inputColumns  the model's input columns
     * @param predictions   one prediction per row
     * @param positiveLabel the class whose probability is the score
     * @param sampleRate    the share of rows to capture, in [0, 1]
     * @param seed          the seed of the draw
     * @param scoredAt      the batch's time
     * @return how many rows were captured
     * @throws UncheckedIOException when the file cannot be written
     */
    public int append(String batch, String model, int modelVersion, Table inputs, List<String> inputColumns,
                      Predictions predictions, String positiveLabel, double sampleRate, long seed, Instant scoredAt) {
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("The sample rate must be in [0, 1], was " + sampleRate);
        }
        List<Column> columns = inputColumns.stream().map(inputs::column).toList();
        String[] keys = new String[columns.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = (c == 0 ? "" : ",") + quote(columns.get(c).name()) + ":";
        }
        String prefix = "{\"" + TIMESTAMP + "\":" + quote(scoredAt.toString()) + ",\"" + BATCH + "\":" + quote(batch)
                + ",\"" + MODEL + "\":" + quote(model) + ",\"" + MODEL_VERSION + "\":" + modelVersion + ",\""
                + MISSING_VALUES + "\":" + counts(predictions, ColumnImputation::missingValues) + ",\""
                + UNSEEN_LEVELS + "\":" + counts(predictions, ColumnImputation::unseenLevels) + ",\""
                + INPUTS + "\":{";
        Map<String, String> quoted = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder lines = new StringBuilder();
        int captured = 0;
        for (int row = 0; row < inputs.rowCount(); row++) {
            if (random.nextDouble() >= sampleRate) {
                continue;
            }
            lines.append(prefix);
            for (int c = 0; c < keys.length; c++) {
                lines.append(keys[c]);
                Column column = columns.get(c);
                if (column.isNull(row)) {
                    lines.append("null");
                } else if (column instanceof NumericColumn numeric) {
                    appendNumber(lines, numeric.getDouble(row));
                } else {
                    lines.append(quoted.computeIfAbsent(column.format(row), ServingLog::quote));
                }
            }
            lines.append('}');
            PredictedRow predicted = predictions.get(row);
            if (predicted.ok()) {
                lines.append(",\"").append(PREDICTION).append("\":")
                        .append(quoted.computeIfAbsent(predicted.label().orElse(""), ServingLog::quote));
                lines.append(",\"").append(SCORE).append("\":");
                appendNumber(lines, predicted.probabilities().getOrDefault(positiveLabel,
                        predicted.score().orElse(Double.NaN)));
            } else {
                lines.append(",\"").append(PREDICTION).append("\":null,\"").append(SCORE).append("\":null,\"")
                        .append(ERROR).append("\":").append(quote(predicted.error().orElse("")));
            }
            lines.append("}\n");
            captured++;
        }
        appendText(lines.toString());
        return captured;
    }

    /** @return a JSON object of the non-zero counts by column */
    private static String counts(Predictions predictions, ToIntFunction<ColumnImputation> count) {
        StringBuilder out = new StringBuilder("{");
        for (ColumnImputation column : predictions.imputation()) {
            int n = count.applyAsInt(column);
            if (n > 0) {
                out.append(out.length() > 1 ? "," : "").append(quote(column.column())).append(':').append(n);
            }
        }
        return out.append('}').toString();
    }

    /** Writes a number as JSON: whole numbers without a fraction, others rounded to 6 decimals; NaN as null. */
    private static void appendNumber(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value).append(".0");
        } else if (Math.abs(value) < 1e9) {
            long scaled = Math.round(Math.abs(value) * 1_000_000);
            if (value < 0) {
                out.append('-');
            }
            out.append(scaled / 1_000_000).append('.');
            String fraction = Long.toString(scaled % 1_000_000);
            for (int pad = fraction.length(); pad < 6; pad++) {
                out.append('0');
            }
            out.append(fraction);
        } else {
            out.append(value);
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + text + " as JSON", e);
        }
    }

    private void appendText(String text) {
        if (!text.isEmpty()) {
            LOCKS.append(file, text.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    /**
     * Reads the captured rows of every batch.
     *
     * @return see {@link #read(Predicate)}
     */
    public Table read() {
        return read(batch -> true);
    }

    /**
     * Reads captured rows as a table: the input columns (numbers as numeric columns, text as categorical columns),
     * then {@value #BATCH}, {@value #MODEL_VERSION}, {@value #PREDICTION}, {@value #SCORE} and {@value #TIMESTAMP}.
     * Rows of failed predictions are included (their prediction and score are null).
     *
     * @param batches which batches to read, by id
     * @return the rows, in file order; an empty table when the file does not exist or no batch matches
     * @throws DataException naming the file and line when a line is not a serving log record
     */
    public Table read(Predicate<String> batches) {
        if (!Files.exists(file)) {
            return Table.empty();
        }
        List<JsonNode> rows = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new DataException("Not a JSON object: " + e.getOriginalMessage(), file.toString(),
                            lineNumber, null, line.length() > 80 ? line.substring(0, 80) + "..." : line, e);
                }
                if (!node.isObject() || !node.path(INPUTS).isObject() || !node.hasNonNull(BATCH)) {
                    throw new DataException("A serving log line needs the fields '" + BATCH + "' and '" + INPUTS
                            + "'", file.toString(), lineNumber, null, null);
                }
                if (batches.test(node.get(BATCH).asText())) {
                    rows.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the serving log " + file, e);
        }
        return toTable(rows);
    }

    private static Table toTable(List<JsonNode> rows) {
        if (rows.isEmpty()) {
            return Table.empty();
        }
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            row.get(INPUTS).fields().forEachRemaining(e -> numeric.merge(e.getKey(),
                    e.getValue().isNull() || e.getValue().isNumber(), Boolean::logicalAnd));
        }
        int n = rows.size();
        List<Column> columns = new ArrayList<>();
        numeric.forEach((name, isNumber) -> {
            if (isNumber) {
                NumericColumn.Builder column = NumericColumn.builder(name, n);
                rows.forEach(r -> {
                    JsonNode v = r.get(INPUTS).get(name);
                    column.add(v == null || v.isNull() ? null : v.asDouble());
                });
                columns.add(column.build());
            } else {
                CategoricalColumn.Builder column = CategoricalColumn.builder(name, n);
                rows.forEach(r -> {
                    JsonNode v = r.get(INPUTS).get(name);
                    column.add(v == null || v.isNull() ? null : v.asText());
                });
                columns.add(column.build());
            }
        });
        CategoricalColumn.Builder batch = CategoricalColumn.builder(BATCH, n);
        NumericColumn.Builder version = NumericColumn.builder(MODEL_VERSION, n);
        CategoricalColumn.Builder prediction = CategoricalColumn.builder(PREDICTION, n);
        NumericColumn.Builder score = NumericColumn.builder(SCORE, n);
        TimestampColumn.Builder time = TimestampColumn.builder(TIMESTAMP, n);
        for (JsonNode r : rows) {
            batch.add(r.get(BATCH).asText());
            version.add(r.hasNonNull(MODEL_VERSION) ? r.get(MODEL_VERSION).asDouble() : null);
            prediction.add(r.hasNonNull(PREDICTION) ? r.get(PREDICTION).asText() : null);
            score.add(r.hasNonNull(SCORE) ? r.get(SCORE).asDouble() : null);
            time.add(r.hasNonNull(TIMESTAMP) ? Instant.parse(r.get(TIMESTAMP).asText()) : null);
        }
        columns.add(batch.build());
        columns.add(version.build());
        columns.add(prediction.build());
        columns.add(score.build());
        columns.add(time.build());
        return Table.of(columns);
    }
}
