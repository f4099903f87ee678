package org.mlops4j.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.spi.support.Json;

/**
 * Writes a {@link DriftReport} as JSON in its stable shape (snake_case keys, Evidently's names); scores that are not
 * numbers become {@code null}.
 *
 * <p>Mapped by hand on purpose: the layout is Evidently's data-drift report (its key names, {@code stattest},
 * {@code drift_share}, per-column {@code distribution}), a foreign shape the report follows key for key so that tools
 * reading Evidently's JSON read this one; it is not a document mlops4j designs.
 *
 * <p>Package-private: not part of the API.
 */
final class DriftReportJson {

    private DriftReportJson() {
    }

    /**
     * @param report the report
     * @return its JSON text
     */
    public static String write(DriftReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("dataset_drift", report.summary().datasetDrift());
        root.put("drift_share", report.summary().driftShare());
        root.put("number_of_columns", report.summary().numberOfColumns());
        root.put("number_of_drifted_columns", report.summary().numberOfDriftedColumns());
        root.put("share_of_drifted_columns", report.summary().shareOfDriftedColumns());
        root.put("multiple_testing", report.multipleTesting().name().toLowerCase(java.util.Locale.ROOT));
        root.put("reference_rows", report.referenceRows());
        root.put("current_rows", report.currentRows());
        ArrayNode columns = root.putArray("columns");
        for (ColumnDrift c : report.columns()) {
            ObjectNode node = columns.addObject();
            node.put("column", c.column());
            node.put("column_type", DriftTreatment.key(c.columnType()));
            node.put("stattest", c.stattest());
            number(node, "score", c.score());
            node.put("threshold", c.threshold());
            node.put("drifted", c.drifted());
            node.put("score_kind", c.scoreKind() == org.mlops4j.core.monitor.ScoreKind.P_VALUE ? "p_value"
                    : "distance");
            node.put("drift_rule", "score " + c.rule().symbol() + " threshold");
            if (c.adjusted().isPresent()) {
                number(node, "adjusted_score", c.adjustedScore());
            }
            node.put("reference_size", c.referenceSize());
            node.put("current_size", c.currentSize());
            node.put("reference_dropped", c.referenceDropped());
            node.put("current_dropped", c.currentDropped());
            ColumnDistribution d = c.distribution();
            ObjectNode dist = node.putObject("distribution");
            ArrayNode bins = dist.putArray("bins");
            d.bins().forEach(bins::add);
            ArrayNode ref = dist.putArray("reference_counts");
            for (long v : d.referenceCounts()) {
                ref.add(v);
            }
            ArrayNode cur = dist.putArray("current_counts");
            for (long v : d.currentCounts()) {
                cur.add(v);
            }
            if (d.isHistogram()) {
                ArrayNode edges = dist.putArray("edges");
                for (double v : d.edges()) {
                    edges.add(v);
                }
            }
            if (d.referenceQuantiles().length > 0) {
                ObjectNode quantiles = dist.putObject("quantiles");
                ArrayNode levels = quantiles.putArray("levels");
                ColumnDistribution.QUANTILE_LEVELS.forEach(levels::add);
                ArrayNode refQ = quantiles.putArray("reference");
                for (double v : d.referenceQuantiles()) {
                    refQ.add(v);
                }
                ArrayNode curQ = quantiles.putArray("current");
                for (double v : d.currentQuantiles()) {
                    curQ.add(v);
                }
            }
        }
        ArrayNode untested = root.putArray("untested_columns");
        for (UntestedColumn u : report.untestedColumns()) {
            untested.addObject().put("column", u.column()).put("reason", u.reason());
        }
        return Json.writePretty(root);
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
