package org.mlops4j.drift.suite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;

/**
 * Every result of one run of a {@link CheckSuite}, with the suite's verdict: its worst result. Data first
 * ({@link #toJson()}), rendered second ({@link #toHtml()}: one self-contained page).
 *
 * @param suite   the suite's name
 * @param results the results, in the order of the suite's checks and their columns
 */
public record SuiteResult(String suite, List<CheckResult> results) {

    /** Checks and copies. */
    public SuiteResult {
        Objects.requireNonNull(suite, "suite");
        results = List.copyOf(results);
    }

    /** @return the worst status among the results (an error counts as a failure); PASS for no results */
    public CheckStatus status() {
        CheckStatus worst = CheckStatus.PASS;
        for (CheckResult result : results) {
            if (result.status().compareTo(worst) > 0) {
                worst = result.status();
            }
        }
        return worst;
    }

    /**
     * @param failOn the verdict from which the suite does not pass: {@link CheckStatus#FAIL} (warnings pass) or
     *               {@link CheckStatus#WARN}
     * @return whether the suite passes: no result at or above {@code failOn}
     */
    public boolean passes(CheckStatus failOn) {
        return status().compareTo(failOn) < 0;
    }

    /** @return how many results have each status, every status present */
    public Map<CheckStatus, Integer> counts() {
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        for (CheckStatus status : CheckStatus.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** @return one line, such as {@code "fail: 7 checks, 5 pass, 1 warn, 1 fail, 0 error"} */
    public String summaryLine() {
        Map<CheckStatus, Integer> counts = counts();
        return status().key() + ": " + results.size() + " checks, " + counts.get(CheckStatus.PASS) + " pass, "
                + counts.get(CheckStatus.WARN) + " warn, " + counts.get(CheckStatus.FAIL) + " fail, "
                + counts.get(CheckStatus.ERROR) + " error";
    }

    /**
     * @return the result as JSON: {@code suite}, {@code status}, {@code counts}, then {@code tests}, each with
     *         {@code check}, {@code column} (null for the whole window), {@code status}, {@code value},
     *         {@code reference_value} (null when none or not computed), {@code condition} and {@code message}
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", suite);
        document.put("status", status().key());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts().forEach((status, n) -> counts.put(status.key(), n));
        document.put("counts", counts);
        document.put("tests", results.stream().map(SuiteResult::jsonOf).toList());
        return Json.writePretty(document);
    }

    /** @return the result as one self-contained HTML page */
    public String toHtml() {
        return SuiteResultHtml.write(this);
    }

    /** @param file the JSON file to create or replace, crash-safely */
    public void writeJson(Path file) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** @param file the HTML file to create or replace, crash-safely */
    public void writeHtml(Path file) {
        byte[] bytes = toHtml().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static Map<String, Object> jsonOf(CheckResult result) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("check", result.check());
        test.put("column", result.column().orElse(null));
        test.put("status", result.status().key());
        test.put("value", finiteOrNull(result.value()));
        test.put("reference_value", finiteOrNull(result.referenceValue()));
        test.put("condition", result.condition());
        test.put("message", result.message());
        return test;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
