package org.mlops4j.core.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.spi.support.FileLocks;

/**
 * The serving log: a JSON-lines file with one line per captured request and its response, written where a model
 * scores (a batch pipeline, a model server) and read by monitoring as its window of served data.
 *
 * <pre>{@code
 * ServingLog log = new ServingLog(Path.of("serving/serving_log.jsonl"));
 * log.append(servedBatch, 0.1, seed);                          // captures about 10 % of the batch's rows
 * Table window = log.read(batch -> batch.equals("week-18"));    // the input columns and the responses
 * }</pre>
 *
 * <p><b>Format</b> (format 1; logs written by earlier versions read the same). Each line is one JSON object with, in
 * this order: {@value #TIMESTAMP} (ISO-8601), {@value #BATCH} (the batch's id), {@value #MODEL} and
 * {@value #MODEL_VERSION}, {@value #MISSING_VALUES} and {@value #UNSEEN_LEVELS} (the batch's counts per input column,
 * see {@link ServedBatch}; the same on every line of a batch so that any sample of lines shows them; columns with a
 * count of 0 are left out, so both are {@code {}} for a clean batch), {@value #INPUTS} (the input columns and their
 * values: numbers as numbers, everything else as text, missing values as null), {@value #PREDICTION} (the predicted
 * label; {@code ""} for a scored row without a label; null when the row failed), {@value #SCORE} (null when there is
 * none) and, for a failed row only, {@value #ERROR}:
 * <pre>
 * {"timestamp":"2024-05-01T10:15:00Z","batch":"week-18","model":"lead-scoring","model_version":2,
 *  "missing_values":{"city_tier":3},"unseen_levels":{"first_platform_c":1},
 *  "inputs":{"city_tier":1.0,"first_platform_c":"Level0",...},"prediction":"1","score":0.81}
 * </pre>
 * Numbers below 10<sup>15</sup> that are whole are written with {@code .0}, others below 10<sup>9</sup> rounded to 6
 * decimals, the rest in Java's notation ({@code 2.0E15}); values that are not finite are written as null.
 *
 * <p><b>Sampling.</b> Which rows are captured is decided by a seeded random draw per row with the given sample rate,
 * so the same batch, rate and seed capture the same rows.
 *
 * <p><b>Durability and concurrency.</b> One batch is appended with a single write while holding an exclusive lock on
 * the file ({@link FileLocks#append}), so concurrent writers (threads or processes) never interleave lines. The file
 * is append-only and is not forced to disk per batch (the cost of a sync per request batch would dominate serving),
 * so a machine crash may lose the last batches' lines.
 *
 * <p>Thread-safe; instances hold only the file's path, so any number may write to and read one file.
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
    /** Field: the predicted label. */
    public static final String PREDICTION = "prediction";
    /** Field: the prediction's score (for a classifier, the probability of the positive class). */
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
     * Captures a sample of a scored batch: appends one line per drawn row, all in one write.
     *
     * @param batch      the scored batch
     * @param sampleRate the share of rows to capture, in [0, 1]
     * @param seed       the seed of the draw
     * @return how many rows were captured
     * @throws IllegalArgumentException when the sample rate is not in [0, 1]
     * @throws UncheckedIOException     when the file cannot be written
     * @throws MlopsException           when the file's lock cannot be taken within {@link FileLocks}' wait limit
     */
    public int append(ServedBatch batch, double sampleRate, long seed) {
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("The sample rate must be in [0, 1], was " + sampleRate);
        }
        Table inputs = batch.inputs();
        List<Column> columns = inputs.columns();
        String[] keys = new String[columns.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = (c == 0 ? "" : ",") + quote(columns.get(c).name()) + ":";
        }
        String prefix = "{\"" + TIMESTAMP + "\":" + quote(batch.scoredAt().toString()) + ",\"" + BATCH + "\":"
                + quote(batch.batch()) + ",\"" + MODEL + "\":" + quote(batch.model()) + ",\"" + MODEL_VERSION + "\":"
                + batch.modelVersion() + ",\"" + MISSING_VALUES + "\":" + counts(batch.missingValues()) + ",\""
                + UNSEEN_LEVELS + "\":" + counts(batch.unseenLevels()) + ",\"" + INPUTS + "\":{";
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
            appendResponse(lines, batch.rows().get(row), quoted);
            lines.append("}\n");
            captured++;
        }
        if (!lines.isEmpty()) {
            LOCKS.append(file, lines.toString().getBytes(StandardCharsets.UTF_8), false);
        }
        return captured;
    }

    private static void appendResponse(StringBuilder lines, ServedRow row, Map<String, String> quoted) {
        if (row.ok()) {
            lines.append(",\"").append(PREDICTION).append("\":")
                    .append(quoted.computeIfAbsent(row.prediction().orElse(""), ServingLog::quote));
            lines.append(",\"").append(SCORE).append("\":");
            appendNumber(lines, row.score().orElse(Double.NaN));
        } else {
            lines.append(",\"").append(PREDICTION).append("\":null,\"").append(SCORE).append("\":null,\"")
                    .append(ERROR).append("\":").append(quote(row.error().orElseThrow()));
        }
    }

    /** @return a JSON object of the non-zero counts by column */
    private static String counts(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder("{");
        counts.forEach((column, n) -> {
            if (n > 0) {
                out.append(out.length() > 1 ? "," : "").append(quote(column)).append(':').append(n);
            }
        });
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

    /**
     * Reads the captured rows of every batch.
     *
     * @return see {@link #read(Predicate)}
     * @throws DataException        naming the file and line when a line is not a serving log record
     * @throws UncheckedIOException when the file cannot be read
     */
    public Table read() {
        return read(batch -> true);
    }

    /**
     * Reads captured rows as a table: the input columns (a column whose values are all numbers or null as a numeric
     * column, any other as a categorical column), then {@value #BATCH}, {@value #MODEL_VERSION}, {@value #PREDICTION},
     * {@value #SCORE} and {@value #TIMESTAMP}. Rows of failed predictions are included (their prediction and score
     * are null).
     *
     * @param batches which batches to read, by id
     * @return the rows, in file order; an empty table when the file does not exist or no batch matches
     * @throws DataException        naming the file and line when a line is not a serving log record
     * @throws UncheckedIOException when the file cannot be read
     */
    public Table read(Predicate<String> batches) {
        return ServingLogReader.read(file, Objects.requireNonNull(batches, "batches"));
    }
}
