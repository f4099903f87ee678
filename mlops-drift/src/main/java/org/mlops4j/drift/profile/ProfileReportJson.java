package org.mlops4j.drift.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Writes the JSON form of a {@link ProfileReport}. Package-private. */
final class ProfileReportJson {

    private ProfileReportJson() {
    }

    static String write(ProfileReport report) {
        ObjectNode root = TableProfileJson.MAPPER.createObjectNode();
        root.put("format", "mlops4j-profile-report");
        root.put("version", 1);
        root.put("title", report.title());
        root.put("createdAt", report.createdAt().toString());
        ReportOverview o = report.overview();
        ObjectNode overview = root.putObject("overview");
        overview.put("rows", o.rows());
        overview.put("columns", o.columns());
        overview.put("missingCells", o.missingCells());
        number(overview, "missingCellsFraction", o.missingCellsFraction());
        o.duplicateRows().ifPresent(d -> {
            ObjectNode node = overview.putObject("duplicateRows");
            number(node, "count", d.duplicates());
            number(node, "lowerBound", d.lowerBound());
            number(node, "upperBound", d.upperBound());
            number(node, "fraction", d.fraction());
            node.put("exact", d.exact());
        });
        ObjectNode types = overview.putObject("columnsByType");
        o.columnsByType().forEach(types::put);
        ArrayNode alerts = root.putArray("alerts");
        for (Alert alert : report.alerts()) {
            ObjectNode node = alerts.addObject();
            node.put("type", alert.type().name());
            ArrayNode columns = node.putArray("columns");
            alert.columns().forEach(columns::add);
            number(node, "value", alert.value());
            node.put("message", alert.message());
        }
        ArrayNode columns = root.putArray("columns");
        for (ColumnSummary c : report.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", c.name());
            node.put("type", c.type().key());
            node.put("count", c.count());
            node.put("missing", c.missing());
            number(node, "missingFraction", c.missingFraction());
            ObjectNode distinct = node.putObject("distinct");
            number(distinct, "estimate", c.distinct().estimate());
            number(distinct, "lowerBound", c.distinct().lowerBound());
            number(distinct, "upperBound", c.distinct().upperBound());
            distinct.put("exact", c.distinct().exact());
            c.numeric().ifPresent(n -> {
                ObjectNode stats = node.putObject("statistics");
                number(stats, "min", n.min());
                number(stats, "max", n.max());
                number(stats, "mean", n.mean());
                number(stats, "std", n.standardDeviation());
                number(stats, "variance", n.variance());
                number(stats, "skewness", n.skewness());
                number(stats, "kurtosis", n.kurtosis());
                number(stats, "sum", n.sum());
                stats.put("zeros", n.zeros());
                stats.put("negatives", n.negatives());
                stats.put("infinite", n.infinite());
                number(stats, "range", n.range());
                number(stats, "iqr", n.interquartileRange());
                number(stats, "cv", n.coefficientOfVariation());
                ObjectNode quantiles = stats.putObject("quantiles");
                for (Map.Entry<String, Double> q : n.quantiles().entrySet()) {
                    number(quantiles, q.getKey(), q.getValue());
                }
                stats.put("quantilesExact", n.quantilesExact());
                number(stats, "rankError", n.rankError());
            });
            ArrayNode top = node.putArray("topValues");
            for (ValueCount v : c.topValues()) {
                ObjectNode value = top.addObject();
                value.put("value", v.value());
                value.put("count", v.count());
                value.put("lowerBound", v.lowerBound());
                value.put("upperBound", v.upperBound());
            }
            ArrayNode histogram = node.putArray("histogram");
            for (HistogramBin bin : c.histogram()) {
                ObjectNode b = histogram.addObject();
                number(b, "lower", bin.lower());
                number(b, "upper", bin.upper());
                number(b, "count", bin.count());
            }
        }
        ArrayNode correlations = root.putArray("correlations");
        for (Correlation c : report.correlations()) {
            ObjectNode node = correlations.addObject();
            node.put("first", c.first());
            node.put("second", c.second());
            number(node, "pearson", c.pearson());
            node.put("pairs", c.pairs());
        }
        try {
            return TableProfileJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a profile report as JSON: " + e.getMessage(), e);
        }
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
