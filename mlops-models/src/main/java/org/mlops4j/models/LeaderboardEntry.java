package org.mlops4j.models;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One candidate's cross-validated result: its metrics' mean and std over folds, its training time, its status.
 *
 * @param candidateId     the candidate's id (the family key, or key#trial when tuning)
 * @param family          the family key
 * @param name            the family's display name
 * @param params          the complete parameters it was trained with
 * @param status          whether it completed, failed, was unavailable or ran out of time
 * @param metrics         each metric of the task, summarised over folds (not available where the model cannot
 *                        produce it, and for candidates that did not complete)
 * @param trainingSeconds training wall time per fold, summarised
 * @param folds           the per-fold results that finished
 * @param elapsed         the candidate's wall time: all its folds, with preprocessing, training and scoring
 * @param message         why the candidate failed, was unavailable or did not finish
 */
public record LeaderboardEntry(String candidateId, String family, String name, Map<String, Object> params,
        CandidateStatus status, Map<EvaluationMetric, MetricSummary> metrics, MetricSummary trainingSeconds,
        List<FoldResult> folds, Duration elapsed, Optional<String> message) {

    /** Copies the collections. */
    public LeaderboardEntry {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(metrics));
        folds = List.copyOf(folds);
    }

    /**
     * @param metric a metric
     * @return its summary; not available when the entry lacks it
     */
    public MetricSummary metric(EvaluationMetric metric) {
        return metrics.getOrDefault(metric, MetricSummary.notAvailable());
    }

    /** @return one line: status and the main metrics' means, for progress output and logs */
    public String summaryLine() {
        if (status != CandidateStatus.COMPLETED) {
            return status + message.map(m -> ": " + m).orElse("");
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<EvaluationMetric, MetricSummary> e : metrics.entrySet()) {
            out.append(e.getKey().id()).append('=').append(format(e.getValue().mean())).append(' ');
        }
        out.append(String.format(Locale.ROOT, "tt=%.3fs", trainingSeconds.mean()));
        return out.toString();
    }

    static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
