package org.mlops4j.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Writes a {@link ModelEvaluation} as the JSON document its javadoc describes. Numbers that are not finite are
 * written as {@code null}; absent parts are left out.
 */
final class EvaluationJson {

    /** The value of the document's {@code format} field. */
    static final String FORMAT = "mlops4j.model-evaluation/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    /**
     * @param evaluation an evaluation
     * @return its JSON document, indented
     */
    static String write(ModelEvaluation evaluation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("family", evaluation.family());
        root.put("task", evaluation.task().name().toLowerCase(java.util.Locale.ROOT));
        root.put("target", evaluation.target());
        root.put("rows", evaluation.rows());
        ObjectNode metrics = root.putObject("metrics");
        evaluation.metrics().forEach((m, v) -> number(metrics, m.id(), v));
        evaluation.classification().ifPresent(c -> classification(root.putObject("classification"), c));
        evaluation.regression().ifPresent(r -> regression(root.putObject("regression"), r));
        ArrayNode importances = root.putArray("feature_importance");
        for (FeatureImportance f : evaluation.featureImportance()) {
            ObjectNode node = importances.addObject();
            node.put("column", f.inputColumn());
            number(node, "importance", f.importance());
            ObjectNode encoded = node.putObject("encoded_features");
            f.encodedFeatures().forEach((name, v) -> number(encoded, name, v));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an evaluation as JSON", e);
        }
    }

    private static void classification(ObjectNode node, ClassificationEvaluation c) {
        strings(node.putArray("labels"), c.labels());
        c.positiveLabel().ifPresent(p -> node.put("positive_label", p));
        ArrayNode matrix = node.putArray("confusion_matrix");
        for (List<Long> row : c.confusionMatrix()) {
            ArrayNode r = matrix.addArray();
            row.forEach(r::add);
        }
        ArrayNode report = node.putArray("classification_report");
        c.classReport().forEach(r -> classReport(report.addObject(), r));
        classReport(node.putObject("macro_avg"), c.macroAverage());
        classReport(node.putObject("weighted_avg"), c.weightedAverage());
        number(node, "accuracy", c.accuracy());
        ArrayNode rocs = node.putArray("roc_curves");
        c.rocCurves().forEach(r -> roc(rocs.addObject(), r));
        c.precisionRecall().ifPresent(pr -> precisionRecall(node.putObject("precision_recall"), pr));
        c.calibration().ifPresent(cal -> calibration(node.putObject("calibration"), cal));
        ArrayNode histograms = node.putArray("score_histograms");
        c.scoreHistograms().forEach(h -> histogram(histograms.addObject(), h));
        ArrayNode gains = node.putArray("gains");
        c.gains().forEach(g -> gains(gains.addObject(), g));
    }

    private static void classReport(ObjectNode node, ClassReport r) {
        node.put("label", r.label());
        number(node, "precision", r.precision());
        number(node, "recall", r.recall());
        number(node, "f1", r.f1());
        node.put("support", r.support());
    }

    private static void roc(ObjectNode node, RocCurve r) {
        node.put("label", r.label());
        number(node, "auc", r.auc());
        numbers(node.putArray("fpr"), r.fpr());
        numbers(node.putArray("tpr"), r.tpr());
        numbers(node.putArray("thresholds"), r.thresholds());
    }

    private static void precisionRecall(ObjectNode node, PrecisionRecallCurve pr) {
        node.put("label", pr.label());
        number(node, "average_precision", pr.averagePrecision());
        numbers(node.putArray("precision"), pr.precision());
        numbers(node.putArray("recall"), pr.recall());
        numbers(node.putArray("thresholds"), pr.thresholds());
    }

    private static void calibration(ObjectNode node, CalibrationCurve c) {
        node.put("bins", c.bins());
        numbers(node.putArray("prob_true"), c.probTrue());
        numbers(node.putArray("prob_pred"), c.probPred());
        ArrayNode counts = node.putArray("counts");
        c.counts().forEach(counts::add);
    }

    private static void histogram(ObjectNode node, Histogram h) {
        node.put("label", h.label());
        numbers(node.putArray("edges"), h.edges());
        ArrayNode counts = node.putArray("counts");
        h.counts().forEach(counts::add);
    }

    private static void gains(ObjectNode node, GainsDecile g) {
        node.put("decile", g.decile());
        node.put("rows", g.rows());
        node.put("positives", g.positives());
        node.put("cumulative_rows", g.cumulativeRows());
        node.put("cumulative_positives", g.cumulativePositives());
        number(node, "cumulative_gain", g.cumulativeGain());
        number(node, "lift", g.lift());
        number(node, "cumulative_lift", g.cumulativeLift());
        number(node, "min_score", g.minScore());
        number(node, "max_score", g.maxScore());
    }

    private static void regression(ObjectNode node, RegressionEvaluation r) {
        ResidualSummary s = r.residuals();
        ObjectNode residuals = node.putObject("residuals");
        residuals.put("rows", s.rows());
        number(residuals, "mean", s.mean());
        number(residuals, "std", s.std());
        number(residuals, "min", s.min());
        number(residuals, "q25", s.q25());
        number(residuals, "median", s.median());
        number(residuals, "q75", s.q75());
        number(residuals, "max", s.max());
        number(residuals, "mae", s.mae());
        number(residuals, "rmse", s.rmse());
        number(residuals, "r2", s.r2());
        histogram(node.putObject("residual_histogram"), r.residualHistogram());
        ObjectNode sample = node.putObject("sample");
        numbers(sample.putArray("actual"), r.sampleActual());
        numbers(sample.putArray("predicted"), r.samplePredicted());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        for (Double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
