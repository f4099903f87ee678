package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunTag;

/**
 * Reads a {@code runs/log-batch} body as it streams through Jackson's parser, without a tree: the run id as a string,
 * metrics with a string key, a numeric value and whole-number timestamp and step, params and tags with string keys
 * and values; nothing else. Anything else (another field, a null, a number in a string, a missing key, malformed
 * JSON) is not read here, so that the tree-based endpoint answers it with its own values or errors.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
final class LogBatchReader {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A batch read directly.
     *
     * @param runId   the run
     * @param metrics the metrics, in order
     * @param params  the params, in order
     * @param tags    the tags, in order
     */
    record LogBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
    }

    private LogBatchReader() {
    }

    /**
     * @param body a request body
     * @return the batch, when the body has the plain shape; otherwise empty
     */
    static Optional<LogBatch> read(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            return batch(parser);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<LogBatch> batch(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        String runId = null;
        String runUuid = null;
        List<Metric> metrics = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        List<RunTag> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!seen.add(field)) {
                return Optional.empty();
            }
            boolean read = switch (field) {
                case "run_id" -> (runId = text(parser, value)) != null;
                case "run_uuid" -> (runUuid = text(parser, value)) != null;
                case "metrics" -> metrics(parser, value, metrics);
                case "params" -> pairs(parser, value, params, Param::new);
                case "tags" -> pairs(parser, value, tags, RunTag::new);
                default -> false;
            };
            if (!read) {
                return Optional.empty();
            }
        }
        String run = runId != null && !runId.isEmpty() ? runId : runUuid;
        if (parser.currentToken() != JsonToken.END_OBJECT || run == null || run.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogBatch(run, metrics, params, tags));
    }

    private static boolean metrics(JsonParser parser, JsonToken start, List<Metric> metrics) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            return false;
        }
        String previousKey = null;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String key = null;
            Double value = null;
            Long timestamp = null;
            long step = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "key" -> key = previousKey = sameText(parser, token, previousKey);
                    case "value" -> value = number(parser, token);
                    case "timestamp" -> timestamp = whole(parser, token);
                    case "step" -> {
                        Long read = whole(parser, token);
                        if (read == null) {
                            return false;
                        }
                        step = read;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            if (key == null || key.isEmpty() || value == null || timestamp == null) {
                return false;
            }
            metrics.add(new Metric(key, value, timestamp, step));
        }
        return parser.currentToken() == JsonToken.END_ARRAY;
    }

    /** A params' or tags' list of {@code {"key": ..., "value": ...}}, both strings, the value optional. */
    private static <T> boolean pairs(JsonParser parser, JsonToken start, List<T> out, Pair<T> make)
            throws IOException {
        if (start != JsonToken.START_ARRAY) {
            return false;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String key = null;
            String value = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                String text = text(parser, parser.nextToken());
                if (text == null) {
                    return false;
                }
                switch (field) {
                    case "key" -> key = text;
                    case "value" -> value = text;
                    default -> {
                        return false;
                    }
                }
            }
            if (key == null || key.isEmpty()) {
                return false;
            }
            out.add(make.of(key, value));
        }
        return parser.currentToken() == JsonToken.END_ARRAY;
    }

    private interface Pair<T> {
        T of(String key, String value);
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /**
     * @return the string value, as {@code previous} itself when it has the same characters: a batch logs a few keys
     *         many times, so this saves a string per value and lets the store hash each key once
     */
    private static String sameText(JsonParser parser, JsonToken token, String previous) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (previous != null && previous.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = previous.charAt(i) == chars[offset + i];
            }
            if (same) {
                return previous;
            }
        }
        return new String(chars, offset, length);
    }

    private static Double number(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        Long whole = whole(parser, token);
        return whole == null ? null : (double) whole;
    }

    private static Long whole(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? parser.getLongValue() : null;
    }
}
