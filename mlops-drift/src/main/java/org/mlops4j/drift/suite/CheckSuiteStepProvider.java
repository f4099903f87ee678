package org.mlops4j.drift.suite;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * The {@code check-suite} step type of pipeline files: runs a {@link CheckSuite} on two tables from upstream steps
 * and fails when the suite does not pass, so that the steps after it do not run.
 *
 * <pre>{@code
 * {"name": "gate", "type": "check-suite", "inputs": ["reference", "batch"], "after": [],
 *  "params": {"suite": "checks.json", "reference": "reference", "current": "batch", "fail_on": "warn",
 *             "json": "reports/gate.json", "html": "reports/gate.html"}}
 * }</pre>
 *
 * <p>Parameters: {@code suite} (a suite file) or {@code preset} (see {@link SuiteFile#preset}); {@code reference}
 * and {@code current}, the inputs holding the tables (default {@code "reference"} and {@code "current"});
 * {@code fail_on}, {@code fail} (default: warnings pass) or {@code warn}; {@code json} and {@code html}, report
 * files. Model quality checks need metrics from mlops-models, which this module does not see: declare such a step in
 * code with {@link CheckSuite#step} and a {@link QualityMetrics}.
 */
public final class CheckSuiteStepProvider implements PipelineStepProvider {

    private static final Set<String> KEYS = Set.of("suite", "preset", "reference", "current", "fail_on", "json",
            "html");

    @Override
    public String name() {
        return "check-suite";
    }

    @Override
    public PipelineStep create(Map<String, Object> parameters) {
        for (String key : parameters.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigurationException("Step type 'check-suite' has no parameter '" + key + "'; expected "
                        + "some of " + KEYS);
            }
        }
        boolean file = parameters.containsKey("suite");
        if (file == parameters.containsKey("preset")) {
            throw new ConfigurationException("Step type 'check-suite' needs exactly one of the parameters 'suite' (a"
                    + " suite file) and 'preset' (one of " + SuiteFile.PRESETS + ")");
        }
        CheckSuite suite = file ? SuiteFile.read(Path.of(text(parameters, "suite")))
                : SuiteFile.preset(text(parameters, "preset"));
        return suite.step(text(parameters, "reference", "reference"), text(parameters, "current", "current"),
                failOn(text(parameters, "fail_on", "fail")), QualityMetrics.NONE, path(parameters, "json"),
                path(parameters, "html"));
    }

    /**
     * @param text {@code fail} or {@code warn}
     * @return the status from which a suite does not pass
     * @throws ConfigurationException for any other text
     */
    public static CheckStatus failOn(String text) {
        return switch (text) {
            case "fail" -> CheckStatus.FAIL;
            case "warn" -> CheckStatus.WARN;
            default -> throw new ConfigurationException("fail_on must be 'fail' (warnings pass) or 'warn'; found '"
                    + text + "'");
        };
    }

    private static String text(Map<String, Object> parameters, String key) {
        return String.valueOf(parameters.get(key));
    }

    private static String text(Map<String, Object> parameters, String key, String defaultValue) {
        return parameters.containsKey(key) ? text(parameters, key) : defaultValue;
    }

    private static Path path(Map<String, Object> parameters, String key) {
        return parameters.containsKey(key) ? Path.of(text(parameters, key)) : null;
    }
}
