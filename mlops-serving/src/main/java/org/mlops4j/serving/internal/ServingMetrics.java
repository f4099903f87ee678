package org.mlops4j.serving.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The model server's metrics, through Micrometer, answered by {@code GET /metrics} in Prometheus' text format:
 * <ul>
 *   <li>{@code mlops_serving_requests_total{outcome}}: scoring requests by outcome ({@code scored},
 *       {@code bad_request}, {@code unsupported_media_type}, {@code client_fault}, {@code internal_error});</li>
 *   <li>{@code mlops_serving_rows_total{outcome}}: request rows {@code scored} or {@code failed};</li>
 *   <li>{@code mlops_serving_errors_total{kind}}: errors by kind, the request outcomes above and the row errors
 *       {@code row_input} (a value that does not fit the model's input schema) and {@code row_model};</li>
 *   <li>{@code mlops_serving_imputed_values_total{kind}}: values the model filled in, {@code missing} or
 *       {@code unseen} (a categorical level it had not seen);</li>
 *   <li>{@code mlops_serving_latency_seconds}: a histogram of the time from reading a request to handing over its
 *       answer;</li>
 *   <li>{@code mlops_serving_model_version{model}}: the version answering now; {@code mlops_serving_model_swaps_total}
 *       and {@code mlops_serving_model_load_failures_total}: versions swapped in and versions that failed to load;</li>
 *   <li>{@code mlops_serving_log_captured_rows_total}, {@code mlops_serving_log_dropped_total}: rows written to the
 *       serving log, and sampled requests dropped because its writer fell behind.</li>
 * </ul>
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ServingMetrics implements ScoringObserver {

    /** The content type of {@link #scrape()}: Prometheus' text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer latency;
    private final Counter scoredRows;
    private final Counter failedRows;
    private final Counter missingValues;
    private final Counter unseenLevels;
    private final Counter scoredRequests;
    private final Counter rowInputErrors;
    private final Counter rowModelErrors;
    private final Counter swaps;
    private final Counter loadFailures;

    /**
     * @param modelName the registered model served (a tag of the version gauge)
     * @param serving   the version answering now
     */
    public ServingMetrics(String modelName, Supplier<ServedModel> serving) {
        Objects.requireNonNull(serving, "serving");
        latency = Timer.builder("mlops.serving.latency").description("Time to read, check, score and answer a "
                + "scoring request").serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(25),
                millis(50), millis(100), millis(250), millis(500), millis(1000), millis(5000)).register(registry);
        scoredRequests = Counter.builder("mlops.serving.requests").tag("outcome", "scored")
                .description("Scoring requests by outcome").register(registry);
        rowInputErrors = Counter.builder("mlops.serving.errors").tag("kind", "row_input")
                .description("Errors by kind").register(registry);
        rowModelErrors = Counter.builder("mlops.serving.errors").tag("kind", "row_model")
                .description("Errors by kind").register(registry);
        scoredRows = rows("scored");
        failedRows = rows("failed");
        missingValues = Counter.builder("mlops.serving.imputed.values").tag("kind", "missing")
                .description("Missing values the model imputed").register(registry);
        unseenLevels = Counter.builder("mlops.serving.imputed.values").tag("kind", "unseen")
                .description("Categorical levels the model had not seen").register(registry);
        swaps = Counter.builder("mlops.serving.model.swaps").description("Versions swapped in while serving")
                .register(registry);
        loadFailures = Counter.builder("mlops.serving.model.load.failures")
                .description("Versions that failed to load or to score the probe; the old one kept serving")
                .register(registry);
        Gauge.builder("mlops.serving.model.version", serving, s -> s.get().version().version())
                .tag("model", modelName).description("The model version answering now").strongReference(true)
                .register(registry);
    }

    private static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }

    private Counter rows(String outcome) {
        return Counter.builder("mlops.serving.rows").tag("outcome", outcome).description("Request rows")
                .register(registry);
    }

    private void count(String name, String tag, String value) {
        Counter.builder(name).tag(tag, value).description(name.endsWith("requests") ? "Scoring requests by outcome"
                : "Errors by kind").register(registry).increment();
    }

    @Override
    public void scored(ServedModel model, ScoredRequest scored, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        scoredRequests.increment();
        scoredRows.increment(scored.rows() - scored.failedRows());
        failedRows.increment(scored.failedRows());
        if (scored.failedRows() > 0) {
            for (int row = 0; row < scored.rows(); row++) {
                scored.error(row).ifPresent(error -> (error.kind() == RowError.Kind.INPUT ? rowInputErrors
                        : rowModelErrors).increment());
            }
        }
        missingValues.increment(scored.predictions().missingValues());
        unseenLevels.increment(scored.predictions().unseenLevels());
    }

    @Override
    public void rejected(String kind, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        count("mlops.serving.requests", "outcome", kind);
        count("mlops.serving.errors", "kind", kind);
    }

    /** Counts a version swapped in. */
    public void swapped() {
        swaps.increment();
    }

    /** Counts a version that failed to load or to score the probe. */
    public void loadFailed() {
        loadFailures.increment();
    }

    /** @param capture the serving log's capture, whose written rows and drops to report */
    public void servingLog(ServingLogCapture capture) {
        FunctionCounter.builder("mlops.serving.log.captured.rows", capture, ServingLogCapture::capturedRows)
                .description("Rows written to the serving log").register(registry);
        FunctionCounter.builder("mlops.serving.log.dropped", capture, ServingLogCapture::dropped)
                .description("Sampled requests dropped because the serving log's writer fell behind")
                .register(registry);
    }

    /** @return every metric in Prometheus' text format ({@value #CONTENT_TYPE}) */
    public String scrape() {
        return registry.scrape();
    }
}
