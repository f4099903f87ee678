package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the demo did: one row per inference batch, and where its files are.
 *
 * @param batches  the three batches, in order
 * @param training the first training run
 * @param workdir  the demo's folder
 * @param reports  the folder of reports (profile, drift, decisions, alerts)
 * @param mlruns   the tracking location
 * @param duration how long the demo took
 */
public record DemoSummary(List<DemoBatch> batches, TrainingOutcome training, Path workdir, Path reports,
                          String mlruns, Duration duration) {

    /** Copies the list and checks that nothing is {@code null}. */
    public DemoSummary {
        batches = List.copyOf(batches);
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(mlruns, "mlruns");
        Objects.requireNonNull(duration, "duration");
    }

    /** @return the summary table, one line per batch, with a header */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-8s %-28s %6s %7s %11s %11s %-20s %-9s %7s %10s  %s%n", "batch",
                "injected drift", "rows", "served", "drift share", "max dev pp", "deciding column", "action",
                "AUC", "production", "result"));
        for (DemoBatch b : batches) {
            out.append(String.format(Locale.ROOT, "%-8s %-28s %6d %7s %11.2f %11.2f %-20s %-9s %7s %10s  %s%n",
                    b.batch(), b.injectedDrift(), b.rows(), "v" + b.servedBy(), b.driftShare(), b.maxDeviation(),
                    b.decidingColumn(), b.action(),
                    b.auc().isPresent() ? String.format(Locale.ROOT, "%.4f", b.auc().getAsDouble()) : "n/a",
                    "v" + b.productionAfter(), b.result()));
        }
        return out.toString();
    }
}
