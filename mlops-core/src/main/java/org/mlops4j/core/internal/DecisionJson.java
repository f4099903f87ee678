package org.mlops4j.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.ActionResult;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.PolicyBand;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.QualityCheck;

/**
 * Writes and reads policy decisions and their outcomes as single-line JSON with snake_case keys.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class DecisionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = "policy decision JSON";

    private DecisionJson() {
    }

    /**
     * @param decision a decision
     * @return its JSON text
     */
    public static String write(PolicyDecision decision) {
        return text(decisionNode(decision));
    }

    /**
     * @param outcome an outcome
     * @return its JSON text: the decision's fields and {@code actions}
     */
    public static String write(DecisionOutcome outcome) {
        ObjectNode root = decisionNode(outcome.decision());
        ArrayNode actions = root.putArray("actions");
        for (ActionResult a : outcome.actions()) {
            ObjectNode n = actions.addObject();
            n.put("action", a.action());
            n.put("succeeded", a.succeeded());
            n.put("detail", a.detail());
            n.put("millis", a.millis());
        }
        return text(root);
    }

    /**
     * @param json text written by {@link #write(PolicyDecision)} or {@link #write(DecisionOutcome)}
     * @return the decision
     * @throws DataException naming the field when the text is not a decision
     */
    public static PolicyDecision readDecision(String json) {
        return decision(parse(json));
    }

    /**
     * @param json text written by {@link #write(DecisionOutcome)}
     * @return the outcome
     * @throws DataException naming the field when the text is not an outcome
     */
    public static DecisionOutcome readOutcome(String json) {
        JsonNode root = parse(json);
        List<ActionResult> actions = new ArrayList<>();
        for (JsonNode a : array(root, "actions")) {
            actions.add(new ActionResult(text(a, "action"), bool(a, "succeeded"), text(a, "detail"),
                    field(a, "millis").asLong()));
        }
        return new DecisionOutcome(decision(root), actions);
    }

    private static ObjectNode decisionNode(PolicyDecision d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", d.action().key());
        root.put("drift_action", d.driftAction().key());
        root.put("measure", d.measure());
        root.put("unit", d.unit());
        root.put("deciding_column", d.decidingColumn());
        root.put("deciding_deviation", d.decidingDeviation());
        root.put("band", d.band().interval());
        ArrayNode deviations = root.putArray("deviations");
        for (ColumnDeviation c : d.deviations()) {
            ObjectNode n = deviations.addObject();
            n.put("column", c.column());
            n.put("column_type", DriftTreatment.key(c.columnType()));
            n.put("deviation", c.deviation());
        }
        ObjectNode drift = root.putObject("drift");
        drift.put("dataset_drift", d.drift().datasetDrift());
        drift.put("drift_share", d.drift().driftShare());
        drift.put("number_of_columns", d.drift().numberOfColumns());
        drift.put("number_of_drifted_columns", d.drift().numberOfDriftedColumns());
        drift.put("share_of_drifted_columns", d.drift().shareOfDriftedColumns());
        ArrayNode drifted = drift.putArray("drifted_columns");
        d.drift().driftedColumns().forEach(drifted::add);
        ObjectNode quality = root.putObject("quality");
        quality.put("checked", d.quality().checked());
        ObjectNode measured = quality.putObject("measured");
        d.quality().measured().forEach(measured::put);
        ObjectNode targets = quality.putObject("targets");
        d.quality().targets().forEach(targets::put);
        ArrayNode missed = quality.putArray("missed");
        d.quality().missed().forEach(missed::add);
        quality.put("action", d.quality().action().key());
        root.put("decided_at", d.decidedAt().toString());
        root.put("reason", d.reason());
        return root;
    }

    private static PolicyDecision decision(JsonNode root) {
        ActionKind action = kind(root, "action");
        List<ColumnDeviation> deviations = new ArrayList<>();
        for (JsonNode n : array(root, "deviations")) {
            deviations.add(new ColumnDeviation(text(n, "column"),
                    DriftTreatment.fromKey(text(n, "column_type")), field(n, "deviation").asDouble()));
        }
        JsonNode d = field(root, "drift");
        List<String> drifted = new ArrayList<>();
        array(d, "drifted_columns").forEach(n -> drifted.add(n.asText()));
        DriftSummary drift = new DriftSummary(bool(d, "dataset_drift"), field(d, "drift_share").asDouble(),
                field(d, "number_of_columns").asInt(), field(d, "number_of_drifted_columns").asInt(),
                field(d, "share_of_drifted_columns").asDouble(), drifted);
        JsonNode q = field(root, "quality");
        List<String> missed = new ArrayList<>();
        array(q, "missed").forEach(n -> missed.add(n.asText()));
        QualityCheck quality = new QualityCheck(bool(q, "checked"), numbers(field(q, "measured")),
                numbers(field(q, "targets")), missed, kind(q, "action"));
        ActionKind driftAction = kind(root, "drift_action");
        PolicyBand band;
        Instant decidedAt;
        try {
            band = PolicyBand.parse(text(root, "band"), driftAction);
            decidedAt = Instant.parse(text(root, "decided_at"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DataException("Cannot read the band or time: " + e.getMessage(), SOURCE, 0, null, null, e);
        }
        return new PolicyDecision(action, driftAction, text(root, "measure"), text(root, "unit"),
                text(root, "deciding_column"), field(root, "deciding_deviation").asDouble(), band, deviations, drift,
                quality, decidedAt, text(root, "reason"));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DataException("Not JSON: " + e.getOriginalMessage(), SOURCE, e.getLocation() == null ? 0
                    : e.getLocation().getLineNr(), null, null, e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new MlopsException("Cannot write a policy decision as JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new DataException("Field '" + name + "' is missing", SOURCE, 0, name, null);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new DataException("Field '" + name + "' must be true or false", SOURCE, 0, name, value.toString());
        }
        return value.asBoolean();
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new DataException("Field '" + name + "' must be an array", SOURCE, 0, name, value.toString());
        }
        return value;
    }

    private static ActionKind kind(JsonNode node, String name) {
        String value = text(node, name);
        try {
            return ActionKind.fromKey(value);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), SOURCE, 0, name, value, e);
        }
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : (Iterable<String>) node::fieldNames) {
            out.put(name, node.get(name).asDouble());
        }
        return out;
    }
}
