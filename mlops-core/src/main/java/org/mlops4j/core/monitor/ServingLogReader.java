package org.mlops4j.core.monitor;

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

/** Reads a {@link ServingLog}'s lines into a table; see {@link ServingLog#read(Predicate)}. */
final class ServingLogReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServingLogReader() {
    }

    static Table read(Path file, Predicate<String> batches) {
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
                JsonNode node = parse(file, lineNumber, line);
                if (batches.test(node.get(ServingLog.BATCH).asText())) {
                    rows.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the serving log " + file, e);
        }
        return toTable(rows);
    }

    private static JsonNode parse(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DataException("Not a JSON object: " + e.getOriginalMessage(), file.toString(),
                    lineNumber, null, line.length() > 80 ? line.substring(0, 80) + "..." : line, e);
        }
        if (!node.isObject() || !node.path(ServingLog.INPUTS).isObject() || !node.hasNonNull(ServingLog.BATCH)) {
            throw new DataException("A serving log line needs the fields '" + ServingLog.BATCH + "' and '"
                    + ServingLog.INPUTS + "'", file.toString(), lineNumber, null, null);
        }
        return node;
    }

    private static Table toTable(List<JsonNode> rows) {
        if (rows.isEmpty()) {
            return Table.empty();
        }
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            row.get(ServingLog.INPUTS).fields().forEachRemaining(e -> numeric.merge(e.getKey(),
                    e.getValue().isNull() || e.getValue().isNumber(), Boolean::logicalAnd));
        }
        int n = rows.size();
        List<Column> columns = new ArrayList<>();
        numeric.forEach((name, isNumber) -> columns.add(isNumber ? numbers(name, rows) : levels(name, rows)));
        CategoricalColumn.Builder batch = CategoricalColumn.builder(ServingLog.BATCH, n);
        NumericColumn.Builder version = NumericColumn.builder(ServingLog.MODEL_VERSION, n);
        CategoricalColumn.Builder prediction = CategoricalColumn.builder(ServingLog.PREDICTION, n);
        NumericColumn.Builder score = NumericColumn.builder(ServingLog.SCORE, n);
        TimestampColumn.Builder time = TimestampColumn.builder(ServingLog.TIMESTAMP, n);
        for (JsonNode r : rows) {
            batch.add(r.get(ServingLog.BATCH).asText());
            version.add(r.hasNonNull(ServingLog.MODEL_VERSION) ? r.get(ServingLog.MODEL_VERSION).asDouble() : null);
            prediction.add(r.hasNonNull(ServingLog.PREDICTION) ? r.get(ServingLog.PREDICTION).asText() : null);
            score.add(r.hasNonNull(ServingLog.SCORE) ? r.get(ServingLog.SCORE).asDouble() : null);
            time.add(r.hasNonNull(ServingLog.TIMESTAMP) ? Instant.parse(r.get(ServingLog.TIMESTAMP).asText()) : null);
        }
        columns.add(batch.build());
        columns.add(version.build());
        columns.add(prediction.build());
        columns.add(score.build());
        columns.add(time.build());
        return Table.of(columns);
    }

    private static Column numbers(String name, List<JsonNode> rows) {
        NumericColumn.Builder column = NumericColumn.builder(name, rows.size());
        rows.forEach(r -> {
            JsonNode v = r.get(ServingLog.INPUTS).get(name);
            column.add(v == null || v.isNull() ? null : v.asDouble());
        });
        return column.build();
    }

    private static Column levels(String name, List<JsonNode> rows) {
        CategoricalColumn.Builder column = CategoricalColumn.builder(name, rows.size());
        rows.forEach(r -> {
            JsonNode v = r.get(ServingLog.INPUTS).get(name);
            column.add(v == null || v.isNull() ? null : v.asText());
        });
        return column.build();
    }
}
