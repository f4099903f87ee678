package org.mlops4j.drift.suite;

import org.mlops4j.core.MlopsException;

/** A check suite run as a pipeline step did not pass; the steps after it do not run. */
public final class SuiteFailedException extends MlopsException {

    private static final long serialVersionUID = 1L;

    private final transient SuiteResult result;

    /**
     * @param result the suite's result
     * @param step   the step that ran it
     * @param runId  the pipeline run
     */
    public SuiteFailedException(SuiteResult result, String step, String runId) {
        super("Check suite '" + result.suite() + "' of step '" + step + "' (run " + runId + ") did not pass: "
                + result.summaryLine() + firstMiss(result) + "; see its JSON or HTML report for every check");
        this.result = result;
    }

    /** @return the suite's result */
    public SuiteResult result() {
        return result;
    }

    private static String firstMiss(SuiteResult result) {
        return result.results().stream().filter(r -> r.status() != CheckStatus.PASS).findFirst()
                .map(r -> "; first: " + r.check() + r.column().map(c -> " of '" + c + "'").orElse("") + " "
                        + r.status().key() + " (" + r.message() + ")")
                .orElse("");
    }
}
