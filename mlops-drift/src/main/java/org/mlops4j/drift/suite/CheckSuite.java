package org.mlops4j.drift.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.StepResult;

/**
 * A named list of {@link Check}s run together on a reference and a current window, as Evidently's
 * {@code TestSuite}. Immutable and thread-safe.
 *
 * <pre>{@code
 * CheckSuite suite = new CheckSuite("nightly", List.of(
 *         Check.of(CheckKind.ROW_COUNT).when(Condition.between(900, 1100)),
 *         Check.of(CheckKind.MISSING_SHARE).when(Condition.lte(0.05)).warnOnly(),
 *         Check.of(CheckKind.DRIFTED_SHARE)));
 * SuiteResult result = suite.run(reference, current);
 * }</pre>
 *
 * @param name   the suite's name, for reports
 * @param checks the checks, in report order
 */
public record CheckSuite(String name, List<Check> checks) {

    /** Checks and copies. */
    public CheckSuite {
        Objects.requireNonNull(name, "name");
        checks = List.copyOf(checks);
    }

    /**
     * Runs every check; a check that cannot be computed gives an {@link CheckStatus#ERROR} result rather than an
     * exception. Model quality checks are refused ({@link QualityMetrics#NONE}).
     *
     * @param reference the reference window
     * @param current   the current window
     * @return every check's results
     */
    public SuiteResult run(Table reference, Table current) {
        return run(reference, current, QualityMetrics.NONE);
    }

    /**
     * @param reference the reference window
     * @param current   the current window
     * @param metrics   computes the metrics of model quality checks
     * @return every check's results
     */
    public SuiteResult run(Table reference, Table current, QualityMetrics metrics) {
        SuiteWindows windows = new SuiteWindows(reference, current, metrics);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.addAll(switch (check.kind()) {
                case ROW_COUNT -> RowCountCheck.run(check, windows);
                case MISSING_SHARE -> MissingShareCheck.run(check, windows);
                case NEW_CATEGORIES -> NewCategoriesCheck.run(check, windows);
                case OUT_OF_RANGE_SHARE -> OutOfRangeCheck.run(check, windows);
                case COLUMN_TYPES -> ColumnTypesCheck.run(check, windows);
                case COLUMN_DRIFT -> ColumnDriftCheck.run(check, windows);
                case DRIFTED_SHARE -> DriftedShareCheck.run(check, windows);
                case MODEL_QUALITY -> ModelQualityCheck.run(check, windows);
            });
        }
        return new SuiteResult(name, results);
    }

    /**
     * This suite as a pipeline step: it reads the tables of its inputs {@code referenceInput} and
     * {@code currentInput}, writes the reports asked for, and fails (so that the steps after it, which name it in
     * {@code after}, do not run) when the suite fails, or also when it warns under {@code failOn} WARN. It has no
     * outputs.
     *
     * @param referenceInput the input holding the reference table
     * @param currentInput   the input holding the current table
     * @param failOn         the verdict from which the step fails: {@link CheckStatus#FAIL} or {@link CheckStatus#WARN}
     * @param metrics        computes the metrics of model quality checks
     * @param jsonReport     where to write the result as JSON, or null for nowhere
     * @param htmlReport     where to write the result as an HTML page, or null for nowhere
     * @return the step
     */
    public PipelineStep step(String referenceInput, String currentInput, CheckStatus failOn, QualityMetrics metrics,
            Path jsonReport, Path htmlReport) {
        return context -> {
            SuiteResult result = run(context.input(referenceInput, Table.class),
                    context.input(currentInput, Table.class), metrics);
            if (jsonReport != null) {
                result.writeJson(jsonReport);
            }
            if (htmlReport != null) {
                result.writeHtml(htmlReport);
            }
            context.log().info("suite '{}': {}", name, result.summaryLine());
            if (!result.passes(failOn)) {
                throw new SuiteFailedException(result, context.stepName(), context.runId());
            }
            return StepResult.empty();
        };
    }
}
