package org.mlops4j.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.spi.support.Json;

/**
 * The result of {@link ModelingSetup#compareModels}: one entry per candidate, best first by the sort metric.
 *
 * <p>Completed candidates come first, ordered by the sort metric's mean (descending, or ascending for errors such as
 * RMSE); candidates without a value for that metric (AUC of a model without probabilities), then those that failed,
 * were unavailable or did not finish follow, in the order they were tried.
 *
 * @param task       classification or regression
 * @param sortMetric the metric the entries are ordered by
 * @param folds      the number of cross-validation folds
 * @param entries    the candidates, best first
 * @param elapsed    the wall time of the comparison
 */
public record Leaderboard(TaskType task, EvaluationMetric sortMetric, int folds, List<LeaderboardEntry> entries,
        Duration elapsed) {

    /** Copies the entries and sorts them. */
    public Leaderboard {
        List<LeaderboardEntry> sorted = new ArrayList<>(entries);
        sorted.sort(order(sortMetric));
        entries = List.copyOf(sorted);
    }

    static Comparator<LeaderboardEntry> order(EvaluationMetric metric) {
        return Comparator.comparingInt((LeaderboardEntry e) -> rank(e, metric)).thenComparingDouble(e -> {
            double mean = e.metric(metric).mean();
            return Double.isNaN(mean) ? 0 : metric.higherIsBetter() ? -mean : mean;
        });
    }

    private static int rank(LeaderboardEntry e, EvaluationMetric metric) {
        if (e.status() != CandidateStatus.COMPLETED) {
            return 2;
        }
        return e.metric(metric).available() ? 0 : 1;
    }

    /** @return the best completed candidate that has a value for the sort metric, if any */
    public Optional<LeaderboardEntry> best() {
        return entries.stream().filter(e -> e.status() == CandidateStatus.COMPLETED)
                .filter(e -> e.metric(sortMetric).available()).findFirst();
    }

    /**
     * @param family a family key
     * @return that family's entry, if it was a candidate
     */
    public Optional<LeaderboardEntry> entry(String family) {
        return entries.stream().filter(e -> e.family().equals(family)).findFirst();
    }

    /** @return the entries whose time budget ran out */
    public List<LeaderboardEntry> notFinished() {
        return entries.stream().filter(e -> e.status() == CandidateStatus.NOT_FINISHED).toList();
    }

    /** @return the leaderboard as a JSON document (metric keys are {@link EvaluationMetric#id()}s; n/a is {@code null}) */
    public String toJson() {
        List<Document.Entry> list = new ArrayList<>();
        for (LeaderboardEntry e : entries) {
            Map<String, Document.Summary> metrics = new LinkedHashMap<>();
            EvaluationMetric.forTask(task).forEach(m -> metrics.put(m.id(), Document.Summary.of(e.metric(m))));
            list.add(new Document.Entry(e.candidateId(), e.family(), e.name(), e.status().name(),
                    e.message().orElse(null), e.params(), metrics, Document.Summary.of(e.trainingSeconds()),
                    e.elapsed().toNanos() / 1e9));
        }
        return Json.writePretty(new Document(task.name().toLowerCase(Locale.ROOT), sortMetric.id(), folds,
                elapsed.toMillis() / 1000.0, list));
    }

    /** The JSON document {@link #toJson()} writes. */
    private record Document(String task, String sortMetric, int folds, double elapsedSeconds, List<Entry> entries) {

        record Entry(String candidateId, String family, String name, String status,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String message, Map<String, Object> params,
                     Map<String, Summary> metrics, Summary trainingSeconds, double elapsedSeconds) {
        }

        /** Mean and std ({@code null} when not available) and, when available, each fold's value. */
        record Summary(Double mean, Double std, @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> folds) {
            static Summary of(MetricSummary s) {
                return s.available() ? new Summary(s.mean(), s.std(), s.folds()) : new Summary(null, null, null);
            }
        }
    }

    /** @return a fixed-width table like PyCaret's score grid: mean of each metric, training seconds, status */
    public String toText() {
        List<EvaluationMetric> metrics = EvaluationMetric.forTask(task);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %-28s", "Key", "Model"));
        for (EvaluationMetric m : metrics) {
            out.append(String.format(Locale.ROOT, " %8s", m.label()));
        }
        out.append(String.format(Locale.ROOT, " %9s  %s%n", "TT (Sec)", "Status"));
        for (LeaderboardEntry e : entries) {
            out.append(String.format(Locale.ROOT, "%-10s %-28s", e.candidateId(), e.name()));
            for (EvaluationMetric m : metrics) {
                out.append(String.format(Locale.ROOT, " %8s", LeaderboardEntry.format(e.metric(m).mean())));
            }
            double tt = e.trainingSeconds().mean();
            out.append(String.format(Locale.ROOT, " %9s  %s%n", Double.isNaN(tt) ? "-"
                    : String.format(Locale.ROOT, "%.3f", tt), statusText(e)));
        }
        out.append(String.format(Locale.ROOT, "sorted by %s, %d folds, %.1f s", sortMetric.label(), folds,
                elapsed.toMillis() / 1000.0));
        long failed = entries.stream().filter(e -> e.status() == CandidateStatus.FAILED).count();
        long unavailable = entries.stream().filter(e -> e.status() == CandidateStatus.UNAVAILABLE).count();
        long cut = entries.stream().filter(e -> e.status() == CandidateStatus.NOT_FINISHED).count();
        out.append(String.format(Locale.ROOT, "; %d of %d candidates completed", entries.size() - failed - unavailable
                - cut, entries.size()));
        if (failed > 0) {
            out.append(String.format(Locale.ROOT, ", %d failed", failed));
        }
        if (unavailable > 0) {
            out.append(String.format(Locale.ROOT, ", %d unavailable here", unavailable));
        }
        if (cut > 0) {
            out.append(String.format(Locale.ROOT, ", %d not finished", cut));
        }
        out.append(System.lineSeparator());
        return out.toString();
    }

    private static String statusText(LeaderboardEntry e) {
        if (e.status() == CandidateStatus.COMPLETED) {
            return "";
        }
        return e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + e.message().map(m -> ": " + m).orElse("");
    }

    /**
     * @return the leaderboard as one self-contained HTML page: the table with mean ± std of each metric and the best
     *         value of each column highlighted, a chart of the sort metric per candidate (mean, ± std, one dot per
     *         fold) and one of training seconds; SVG, no scripts
     */
    public String toHtml() {
        return LeaderboardHtml.write(this,
                "Model comparison: " + task.name().toLowerCase(Locale.ROOT) + ", sorted by " + sortMetric.label());
    }

    /** @return {@link #toText()} */
    @Override
    public String toString() {
        return toText();
    }

    /**
     * @param entries candidates in any order
     * @param metric  the metric to sort by
     * @return the entries best first, by the same rule as a leaderboard
     */
    static List<LeaderboardEntry> sorted(List<LeaderboardEntry> entries, EvaluationMetric metric) {
        List<LeaderboardEntry> out = new ArrayList<>(entries);
        out.sort(order(metric));
        return out;
    }
}
