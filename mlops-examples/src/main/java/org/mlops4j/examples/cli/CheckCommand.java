package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import org.mlops4j.drift.suite.CheckResult;
import org.mlops4j.drift.suite.CheckStatus;
import org.mlops4j.drift.suite.CheckSuite;
import org.mlops4j.drift.suite.SuiteFile;
import org.mlops4j.drift.suite.SuiteResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops check}: a check suite on a reference and a current CSV file, as Evidently's TestSuite, as a gate. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a check suite (row count, missing values, new categories, values out of range, column "
            + "types, drift per column and of the dataset, model quality) on the current data against the "
            + "reference. Prints one line per check that did not pass and the verdict, or the result as JSON with "
            + "--json. Exit code 0 when the suite passes (warnings pass unless --fail-on warn), 1 when a check "
            + "fails or cannot be computed, 2 for a bad suite file or input.")
final class CheckCommand implements Callable<Integer> {

    /** The presets: Evidently's data stability, and the case study's raw lead data. */
    static final List<String> PRESETS = List.of("data-stability", "lead-scoring");

    @Spec
    private CommandSpec spec;

    @Mixin
    private MissingValueOptions missingValues;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private SuiteChoice suite;

    /** Where the suite comes from: a file or a preset. */
    static final class SuiteChoice {
        @Option(names = "--suite", required = true, paramLabel = "FILE",
                description = "The suite, a JSON file (or YAML, named .yaml or .yml).")
        private Path file;

        @Option(names = "--preset", required = true, paramLabel = "NAME",
                description = "A shipped suite: data-stability (rows, column types, missing values, values out of "
                        + "range, new categories) or lead-scoring (the case study's raw lead columns, with drift).")
        private String preset;
    }

    @Option(names = "--reference", required = true, paramLabel = "CSV", description = "The reference data.")
    private Path reference;

    @Option(names = "--current", required = true, paramLabel = "CSV", description = "The current data.")
    private Path current;

    @Option(names = "--json", description = "Print the result as JSON instead of the summary.")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the result as an HTML page.")
    private Path html;

    @Option(names = "--fail-on", paramLabel = "STATUS", defaultValue = "fail",
            description = "The verdict from which the exit code is 1: fail (default; warnings pass) or warn.")
    private String failOn;

    @Override
    public Integer call() {
        CheckStatus threshold = OptionValues.apply(spec, "--fail-on", () -> failOnStatus(failOn));
        if (html != null) {
            InputFiles.requireWritableFile(html, "--html");
        }
        CheckSuite checks = suite.file != null ? SuiteFile.read(InputFiles.requireFile(suite.file, "--suite"))
                : OptionValues.apply(spec, "--preset", () -> preset(suite.preset));
        CsvReader reader = missingValues.reader().build();
        Table referenceTable = InputFiles.readCsv(reference, "--reference", reader);
        Table currentTable = InputFiles.readCsv(current, "--current", reader);
        SuiteResult result = checks.run(referenceTable, currentTable, new ModelQualityMetrics());
        if (html != null) {
            result.writeHtml(html);
        }
        if (json) {
            spec.commandLine().getOut().println(result.toJson());
        } else {
            printSummary(result);
        }
        return result.passes(threshold) ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }

    private void printSummary(SuiteResult result) {
        for (CheckResult r : result.results()) {
            if (r.status() != CheckStatus.PASS) {
                spec.commandLine().getOut().printf("%-5s %s%s: %s%s%n", r.status().key().toUpperCase(), r.check(),
                        r.column().map(c -> " [" + c + "]").orElse(""), r.message(),
                        r.condition().isEmpty() ? "" : " (expected " + r.condition() + ")");
            }
        }
        spec.commandLine().getOut().println(result.suite() + ": " + result.summaryLine());
    }

    private static CheckStatus failOnStatus(String text) {
        return switch (text) {
            case "fail" -> CheckStatus.FAIL;
            case "warn" -> CheckStatus.WARN;
            default -> throw new IllegalArgumentException("expected fail or warn, found '" + text + "'");
        };
    }

    /**
     * @param name a preset's name
     * @return its suite: mlops-drift's, or the case study's
     */
    static CheckSuite preset(String name) {
        if (name.equals("lead-scoring")) {
            return SuiteFile.resource(CheckCommand.class, "/leadscoring/lead-scoring-suite.json",
                    "preset 'lead-scoring'", PRESETS);
        }
        if (!SuiteFile.PRESETS.contains(name)) {
            throw new ConfigurationException("Unknown preset '" + name + "'; expected one of " + PRESETS);
        }
        return SuiteFile.preset(name);
    }
}
