package org.mlops4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingLimits;

/**
 * Records every candidate of a comparison or tuning as a run nested under a parent run, as PyCaret does with MLflow:
 * the candidate's parameters as params ({@code family} among them), each fold's metrics as metric history (step =
 * fold), and the means and standard deviations over folds as metrics ({@code auc}, {@code auc_std}, ...,
 * {@code training_seconds}). Candidates that were unavailable or failed end FAILED with the reason in the tag
 * {@value #MESSAGE_TAG}; candidates cut by the time budget end KILLED.
 *
 * <pre>{@code
 * try (ActiveRun comparison = tracking.startRun("leads", "compare")) {
 *     ModelingSetup setup = ModelingSetup.builder(table, "app_complete_flag")
 *             .listener(TrackingModelingListener.under(comparison))
 *             .build();
 *     Leaderboard board = setup.compareModels(CompareOptions.defaults());
 *     comparison.end();
 * }
 * }</pre>
 *
 * <p>Calls arrive one at a time from the setup's calling thread (see {@link ModelingListener}).
 */
public final class TrackingModelingListener implements ModelingListener {

    /** The tag with the candidate's status. */
    public static final String STATUS_TAG = "mlops.candidate.status";
    /** The tag with why a candidate did not complete. */
    public static final String MESSAGE_TAG = "mlops.candidate.message";

    private final ActiveRun parent;
    private ActiveRun current;

    private TrackingModelingListener(ActiveRun parent) {
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    /**
     * @param parent the run the candidates are nested under
     * @return the listener
     */
    public static TrackingModelingListener under(ActiveRun parent) {
        return new TrackingModelingListener(parent);
    }

    @Override
    public void onCandidateStart(String candidateId, ModelFamily family, Map<String, Object> params, int folds) {
        current = parent.startChildRun(candidateId.replace('#', '-'));
        Map<String, String> asText = new LinkedHashMap<>();
        asText.put("family", family.key());
        asText.put("folds", Integer.toString(folds));
        params.forEach((key, value) -> asText.put(key, abbreviate(String.valueOf(value))));
        current.logParams(asText);
    }

    @Override
    public void onFoldDone(FoldResult result) {
        if (current == null) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        result.metrics().forEach((metric, value) -> {
            if (!value.isNaN()) {
                values.put(metric.id(), value);
            }
        });
        values.put("training_seconds", result.trainingSeconds());
        current.logMetrics(values, result.fold());
    }

    @Override
    public void onCandidateEnd(LeaderboardEntry entry) {
        ActiveRun run = current != null ? current : parent.startChildRun(entry.candidateId().replace('#', '-'));
        current = null;
        Map<String, Double> summary = new LinkedHashMap<>();
        entry.metrics().forEach((metric, stats) -> {
            if (stats.available()) {
                summary.put(metric.id(), stats.mean());
                summary.put(metric.id() + "_std", stats.std());
            }
        });
        if (!Double.isNaN(entry.trainingSeconds().mean())) {
            summary.put("training_seconds", entry.trainingSeconds().mean());
        }
        summary.put("elapsed_seconds", entry.elapsed().toNanos() / 1e9);
        run.logMetrics(summary, entry.folds().size());
        run.setTag(STATUS_TAG, entry.status().name());
        entry.message().ifPresent(m -> run.setTag(MESSAGE_TAG, abbreviate(m)));
        run.end(switch (entry.status()) {
            case COMPLETED -> RunStatus.FINISHED;
            case NOT_FINISHED -> RunStatus.KILLED;
            case FAILED, UNAVAILABLE -> RunStatus.FAILED;
        });
    }

    private static String abbreviate(String value) {
        int limit = TrackingLimits.MAX_PARAM_VALUE_LENGTH;
        return value.length() <= limit ? value : value.substring(0, limit - 3) + "...";
    }
}
