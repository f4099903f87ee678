package org.mlops4j.core.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.core.spi.support.Json;

/**
 * Reads a {@link ServingLog}'s lines into a table; see {@link ServingLog#read(Predicate)}. Each line is read by the
 * shared {@link Json} mapper into a {@link Line}; the keys monitoring does not need ({@code model}, the counts,
 * {@code error}) are skipped.
 */
final class ServingLogReader {

    private static final ObjectReader LINE = Json.lenientReader(Line.class);

    /**
     * The keys of a line that monitoring reads; absent ones are {@code null}.
     *
     * @param timestamp    when the batch was scored
     * @param batch        the batch's id
     * @param modelVersion the model version that scored it
     * @param prediction   the row's prediction
     * @param score        the row's score
     * @param inputs       the row's input columns: numbers, text or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Line(Instant timestamp, String batch, Double modelVersion, String prediction, Double score,
                Map<String, Object> inputs) {
    }

    private ServingLogReader() {
    }

    static Table read(Path file, Predicate<String> batches) {
        if (!Files.exists(file)) {
            return Table.empty();
        }
        List<Line> rows = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Line node = parse(file, lineNumber, line);
                if (batches.test(node.batch())) {
                    rows.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the serving log " + file, e);
        }
        return toTable(rows);
    }

    private static Line parse(Path file, int lineNumber, String line) {
        Line node;
        try {
            node = LINE.readValue(line);
        } catch (JsonProcessingException e) {
            throw new DataException("Not a JSON object: " + e.getOriginalMessage(), file.toString(),
                    lineNumber, null, line.length() > 80 ? line.substring(0, 80) + "..." : line, e);
        }
        if (node == null || node.inputs() == null || node.batch() == null) {
            throw new DataException("A serving log line needs the fields '" + ServingLog.BATCH + "' and '"
                    + ServingLog.INPUTS + "'", file.toString(), lineNumber, null, null);
        }
        return node;
    }

    private static Table toTable(List<Line> rows) {
        if (rows.isEmpty()) {
            return Table.empty();
        }
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (Line row : rows) {
            row.inputs().forEach((name, value) -> numeric.merge(name, value == null || value instanceof Number,
                    Boolean::logicalAnd));
        }
        int n = rows.size();
        List<Column> columns = new ArrayList<>();
        numeric.forEach((name, isNumber) -> columns.add(isNumber ? numbers(name, rows) : levels(name, rows)));
        CategoricalColumn.Builder batch = CategoricalColumn.builder(ServingLog.BATCH, n);
        NumericColumn.Builder version = NumericColumn.builder(ServingLog.MODEL_VERSION, n);
        CategoricalColumn.Builder prediction = CategoricalColumn.builder(ServingLog.PREDICTION, n);
        NumericColumn.Builder score = NumericColumn.builder(ServingLog.SCORE, n);
        TimestampColumn.Builder time = TimestampColumn.builder(ServingLog.TIMESTAMP, n);
        for (Line r : rows) {
            batch.add(r.batch());
            version.add(r.modelVersion());
            prediction.add(r.prediction());
            score.add(r.score());
            time.add(r.timestamp());
        }
        columns.add(batch.build());
        columns.add(version.build());
        columns.add(prediction.build());
        columns.add(score.build());
        columns.add(time.build());
        return Table.of(columns);
    }

    private static Column numbers(String name, List<Line> rows) {
        NumericColumn.Builder column = NumericColumn.builder(name, rows.size());
        rows.forEach(r -> column.add(r.inputs().get(name) instanceof Number v ? v.doubleValue() : null));
        return column.build();
    }

    private static Column levels(String name, List<Line> rows) {
        CategoricalColumn.Builder column = CategoricalColumn.builder(name, rows.size());
        rows.forEach(r -> {
            Object v = r.inputs().get(name);
            column.add(v == null ? null : v.toString());
        });
        return column.build();
    }
}
