package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;

class DecisionJsonTest {

    private static PolicyDecision decision() {
        ActionPolicy policy = ActionPolicy.builder().band("[0, 5)", ActionKind.NONE)
                .band("[5, 10]", ActionKind.RETRAIN).band("(10, 100]", ActionKind.ESCALATE)
                .qualityTargets(QualityTargets.exceeding(Map.of("auc", 0.75))).build();
        return policy.decide("tvd", "percentage points", List.of(
                        new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, 6.25),
                        new ColumnDeviation("total_leads_droppped", ColumnType.NUMERIC, 0.5)),
                new DriftSummary(true, 0.5, 2, 1, 0.5, List.of("city_tier")), Map.of("auc", 0.7),
                Instant.parse("2024-05-01T10:15:30.123Z"));
    }

    @Test
    void anOutcomeSurvivesARoundTripThroughJson() {
        DecisionOutcome outcome = new DecisionOutcome(decision(), List.of(
                ActionResult.success("pipeline:retrain", "run-17", 12),
                ActionResult.failure("log", new IllegalStateException("disk full"), 3)));

        String json = outcome.toJson();

        assertFalse(json.contains("\n"));
        assertEquals(outcome, DecisionOutcome.fromJson(json));
        assertEquals(outcome.decision(), PolicyDecision.fromJson(outcome.decision().toJson()));
    }

    @Test
    void writesTheStableSnakeCaseShape() throws Exception {
        DecisionOutcome outcome = new DecisionOutcome(decision(), List.of(ActionResult.success("log", "", 1)));
        JsonNode root = new ObjectMapper().readTree(outcome.toJson());

        assertEquals("retrain", root.get("action").asText());
        assertEquals("retrain", root.get("drift_action").asText());
        assertEquals("city_tier", root.get("deciding_column").asText());
        assertEquals(6.25, root.get("deciding_deviation").asDouble());
        assertEquals("[5, 10]", root.get("band").asText());
        assertEquals("cat", root.get("deviations").get(0).get("column_type").asText());
        assertTrue(root.get("drift").get("dataset_drift").asBoolean());
        assertEquals("auc", root.get("quality").get("missed").get(0).asText());
        assertEquals("2024-05-01T10:15:30.123Z", root.get("decided_at").asText());
        assertEquals("log", root.get("actions").get(0).get("action").asText());
    }

    @Test
    void namesTheMissingFieldOfABrokenRecord() {
        String json = new DecisionOutcome(decision(), List.of()).toJson().replace("\"deciding_column\"", "\"x\"");
        DataException e = assertThrows(DataException.class, () -> DecisionOutcome.fromJson(json));
        assertTrue(e.getMessage().contains("deciding_column"), e.getMessage());
        assertThrows(DataException.class, () -> DecisionOutcome.fromJson("{not json"));
    }

    /** A line written by the hand-built writer of earlier versions, byte for byte. */
    private static final String EARLIER_LINE = ""
            + "{\"action\":\"retrain\",\"drift_action\":\"retrain\",\"measure\":\"tvd\",\"unit\":\"percentage "
            + "points\",\"deciding_column\":\"city_tier\",\"deciding_deviation\":6.25,\"band\":\"[5, 10]\""
            + ",\"deviations\":[{\"column\":\"city_tier\",\"column_type\":\"cat\",\"deviation\":6.25},{\"col"
            + "umn\":\"total_leads_droppped\",\"column_type\":\"num\",\"deviation\":0.5}],\"drift\":{\"data"
            + "set_drift\":true,\"drift_share\":0.5,\"number_of_columns\":2,\"number_of_drifted_colum"
            + "ns\":1,\"share_of_drifted_columns\":0.5,\"drifted_columns\":[\"city_tier\"]},\"quality\":"
            + "{\"checked\":true,\"measured\":{\"auc\":0.7},\"targets\":{\"auc\":0.75},\"missed\":[\"auc\"],\""
            + "action\":\"retrain\"},\"decided_at\":\"2024-05-01T10:15:30.123Z\",\"reason\":\"Column 'cit"
            + "y_tier' moved 6.25 percentage points (tvd), the most of 2 monitored column(s), i"
            + "n band [5, 10]: retrain; quality missed its target in [auc]: retrain -> retrain\""
            + ",\"actions\":[{\"action\":\"pipeline:retrain\",\"succeeded\":true,\"detail\":\"run-17\",\"mil"
            + "lis\":12},{\"action\":\"log\",\"succeeded\":false,\"detail\":\"java.lang.IllegalStateExcep"
            + "tion: disk full\",\"millis\":3}]}";

    @Test
    void writesAndReadsTheLinesEarlierVersionsWrote() {
        DecisionOutcome outcome = new DecisionOutcome(decision(), List.of(
                ActionResult.success("pipeline:retrain", "run-17", 12),
                ActionResult.failure("log", new IllegalStateException("disk full"), 3)));

        assertEquals(EARLIER_LINE, outcome.toJson());
        assertEquals(outcome, DecisionOutcome.fromJson(EARLIER_LINE));
    }

    @Test
    void namesTheFieldOfAnUnknownKind() {
        String json = new DecisionOutcome(decision(), List.of()).toJson().replace("\"column_type\":\"cat\"",
                "\"column_type\":\"colour\"");
        DataException e = assertThrows(DataException.class, () -> DecisionOutcome.fromJson(json));
        assertTrue(e.getMessage().contains("column_type") && e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void anOutcomeListsItsFailedActions() {
        DecisionOutcome outcome = new DecisionOutcome(decision(), List.of(
                ActionResult.success("log", "", 1), ActionResult.failure("callback:escalate",
                        new RuntimeException("pager down"), 2)));
        assertFalse(outcome.succeeded());
        assertEquals("callback:escalate", outcome.failures().get(0).action());
        assertEquals("java.lang.RuntimeException: pager down", outcome.failures().get(0).detail());
    }
}
