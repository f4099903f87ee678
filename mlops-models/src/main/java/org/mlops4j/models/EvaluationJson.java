package org.mlops4j.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.spi.support.Json;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Writes a {@link ModelEvaluation} as the JSON document its javadoc describes: the records below, snake_case, in
 * this order, written by the shared {@link Json} mapper (numbers that are not finite as {@code null}; absent parts left
 * out). The document's shape is spelt out here, apart from the value types, so that renaming a value's component does
 * not change the file.
 */
final class EvaluationJson {

    /** The value of the document's {@code format} field. */
    static final String FORMAT = "mlops4j.model-evaluation/1";

    private EvaluationJson() {
    }

    /**
     * @param evaluation an evaluation
     * @return its JSON document, indented
     */
    static String write(ModelEvaluation evaluation) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        evaluation.metrics().forEach((m, v) -> metrics.put(m.id(), v));
        return Json.writePretty(new Document(FORMAT, evaluation.family(),
                evaluation.task().name().toLowerCase(Locale.ROOT), evaluation.target(), evaluation.rows(), metrics,
                evaluation.classification().map(Classification::of).orElse(null),
                evaluation.regression().map(Regression::of).orElse(null),
                evaluation.featureImportance().stream().map(Importance::of).toList()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Document(String format, String family, String task, String target, int rows,
                            Map<String, Double> metrics, Classification classification, Regression regression,
                            List<Importance> featureImportance) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Importance(String column, double importance, Map<String, Double> encodedFeatures) {
        static Importance of(FeatureImportance f) {
            return new Importance(f.inputColumn(), f.importance(), f.encodedFeatures());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Classification(List<String> labels, String positiveLabel, List<List<Long>> confusionMatrix,
                                  List<Report> classificationReport, Report macroAvg, Report weightedAvg,
                                  double accuracy, List<Roc> rocCurves, PrecisionRecall precisionRecall,
                                  Calibration calibration, List<Hist> scoreHistograms, List<Gains> gains) {
        static Classification of(ClassificationEvaluation c) {
            return new Classification(c.labels(), c.positiveLabel().orElse(null), c.confusionMatrix(),
                    c.classReport().stream().map(Report::of).toList(), Report.of(c.macroAverage()),
                    Report.of(c.weightedAverage()), c.accuracy(), c.rocCurves().stream().map(Roc::of).toList(),
                    c.precisionRecall().map(PrecisionRecall::of).orElse(null),
                    c.calibration().map(Calibration::of).orElse(null),
                    c.scoreHistograms().stream().map(Hist::of).toList(),
                    c.gains().stream().map(Gains::of).toList());
        }
    }

    private record Report(String label, double precision, double recall, double f1, long support) {
        static Report of(ClassReport r) {
            return new Report(r.label(), r.precision(), r.recall(), r.f1(), r.support());
        }
    }

    private record Roc(String label, double auc, List<Double> fpr, List<Double> tpr, List<Double> thresholds) {
        static Roc of(RocCurve r) {
            return new Roc(r.label(), r.auc(), r.fpr(), r.tpr(), r.thresholds());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record PrecisionRecall(String label, double averagePrecision, List<Double> precision, List<Double> recall,
                                   List<Double> thresholds) {
        static PrecisionRecall of(PrecisionRecallCurve pr) {
            return new PrecisionRecall(pr.label(), pr.averagePrecision(), pr.precision(), pr.recall(),
                    pr.thresholds());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Calibration(int bins, List<Double> probTrue, List<Double> probPred, List<Long> counts) {
        static Calibration of(CalibrationCurve c) {
            return new Calibration(c.bins(), c.probTrue(), c.probPred(), c.counts());
        }
    }

    private record Hist(String label, List<Double> edges, List<Long> counts) {
        static Hist of(Histogram h) {
            return new Hist(h.label(), h.edges(), h.counts());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Gains(int decile, int rows, long positives, int cumulativeRows, long cumulativePositives,
                         double cumulativeGain, double lift, double cumulativeLift, double minScore, double maxScore) {
        static Gains of(GainsDecile g) {
            return new Gains(g.decile(), g.rows(), g.positives(), g.cumulativeRows(), g.cumulativePositives(),
                    g.cumulativeGain(), g.lift(), g.cumulativeLift(), g.minScore(), g.maxScore());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Regression(Residuals residuals, Hist residualHistogram, Sample sample) {
        static Regression of(RegressionEvaluation r) {
            ResidualSummary s = r.residuals();
            return new Regression(new Residuals(s.rows(), s.mean(), s.std(), s.min(), s.q25(), s.median(), s.q75(),
                    s.max(), s.mae(), s.rmse(), s.r2()), Hist.of(r.residualHistogram()),
                    new Sample(r.sampleActual(), r.samplePredicted()));
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Residuals(int rows, double mean, double std, double min, double q25, double median, double q75,
                         double max, double mae, double rmse, double r2) {
        }

        record Sample(List<Double> actual, List<Double> predicted) {
        }
    }
}
