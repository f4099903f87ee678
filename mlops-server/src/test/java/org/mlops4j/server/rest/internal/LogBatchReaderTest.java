package org.mlops4j.server.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunTag;

/** The direct reading of plain {@code log-batch} bodies, and what it leaves to the tree-based endpoint. */
class LogBatchReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAPlainBatchAsMlflowsClientsSendIt() {
        LogBatchReader.LogBatch batch = read("""
                {"run_id": "abc", "metrics": [{"key": "loss", "value": 0.25, "timestamp": 1700000000000, "step": 3},
                 {"key": "auc", "value": 1, "timestamp": 5}],
                 "params": [{"key": "lr", "value": "0.1"}, {"key": "empty"}], "tags": [{"key": "t", "value": "v"}]}
                """);
        assertEquals("abc", batch.runId());
        assertEquals(List.of(new Metric("loss", 0.25, 1_700_000_000_000L, 3), new Metric("auc", 1.0, 5, 0)),
                batch.metrics());
        assertEquals(List.of(new Param("lr", "0.1"), new Param("empty", "")), batch.params());
        assertEquals(List.of(new RunTag("t", "v")), batch.tags());
    }

    @Test
    void keysAreReadAsWrittenAndARepeatedKeyIsOneString() {
        LogBatchReader.LogBatch batch = read("""
                {"run_id": "r", "metrics": [{"key": "loss", "value": 1, "timestamp": 1},
                 {"key": "loss", "value": 2, "timestamp": 2}, {"key": "lost", "value": 3, "timestamp": 3},
                 {"key": "l\\u006fst", "value": 4, "timestamp": 4}, {"key": "lo", "value": 5, "timestamp": 5},
                 {"key": "loss", "value": 6, "timestamp": 6}]}
                """);
        List<String> keys = batch.metrics().stream().map(Metric::key).toList();
        assertEquals(List.of("loss", "loss", "lost", "lost", "lo", "loss"), keys);
        assertSame(keys.get(0), keys.get(1));
        assertSame(keys.get(2), keys.get(3));
    }

    @Test
    void takesRunUuidWhenRunIdIsEmpty() {
        assertEquals("old", read("{\"run_id\": \"\", \"run_uuid\": \"old\"}").runId());
    }

    @Test
    void readsEveryNumberAsTheTreeBasedEndpointReadsIt() throws Exception {
        Random random = new Random(5);
        StringBuilder body = new StringBuilder("{\"run_id\": \"r\", \"metrics\": [");
        for (int i = 0; i < 2000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                case 2 -> random.nextInt();
                default -> random.nextDouble() * 1e-300;
            };
            String text = i % 4 == 2 ? Long.toString((long) value) : Double.toString(value);
            body.append(i == 0 ? "" : ",").append("{\"key\": \"m\", \"value\": ").append(text)
                    .append(", \"timestamp\": ").append(random.nextLong() >>> 1).append(", \"step\": ")
                    .append(random.nextInt()).append('}');
        }
        String json = body.append("]}").toString();
        List<Metric> direct = read(json).metrics();
        List<RestRequest> tree = new RestRequest("POST", (ObjectNode) JSON.readTree(json)).messages("metrics");
        assertEquals(tree.size(), direct.size());
        for (int i = 0; i < tree.size(); i++) {
            RestRequest m = tree.get(i);
            Metric expected = new Metric(m.required("key"), m.requiredDouble("value"),
                    m.number("timestamp").orElseThrow(), m.number("step").orElse(0));
            assertEquals(expected, direct.get(i), "metric " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1, 2]",
        "\"{\\\"run_id\\\": \\\"r\\\"}\"",
        "{\"metrics\": []}",
        "{\"run_id\": 5}",
        "{\"run_id\": null}",
        "{\"run_id\": \"r\", \"extra\": 1}",
        "{\"run_id\": \"r\", \"metrics\": [], \"metrics\": []}",
        "{\"run_id\": \"r\", \"metrics\": {}}",
        "{\"run_id\": \"r\", \"metrics\": [1]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": \"NaN\", \"timestamp\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": null, \"timestamp\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1.5}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": \"1\"}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"\", \"value\": 1, \"timestamp\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"value\": 1, \"timestamp\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1, \"step\": 2.0}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 99999999999999999999999, \"timestamp\": 1}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1, \"other\": 1}]}",
        "{\"run_id\": \"r\", \"params\": [{\"key\": \"p\", \"value\": 1}]}",
        "{\"run_id\": \"r\", \"params\": [{\"value\": \"v\"}]}",
        "{\"run_id\": \"r\", \"tags\": [{\"key\": \"t\", \"value\": null}]}",
        "{\"run_id\": \"r\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1}]"
    })
    void leavesEveryOtherShapeToTheTreeBasedEndpoint(String body) {
        assertTrue(LogBatchReader.read(body.getBytes(StandardCharsets.UTF_8)).isEmpty(), body);
    }

    private static LogBatchReader.LogBatch read(String body) {
        return LogBatchReader.read(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
