package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;
import org.mlops4j.core.data.CsvReadReport;
import org.mlops4j.core.data.CsvReadResult;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.MissingValues;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.drift.ColumnDrift;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.policy.DriftMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops drift}: data drift between two CSV files, as Evidently's data-drift preset computes it. */
@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare the current data with the reference data column by column and print the drift "
            + "report as JSON. Exit code 1 when the dataset drifted (the share of drifted columns reaches "
            + "--drift-share).")
final class DriftCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private MissingValueOptions missingValues;

    @Mixin
    private ProgressOptions progress;

    @Option(names = "--reference", required = true, paramLabel = "CSV", description = "The reference data.")
    private Path reference;

    @Option(names = "--current", required = true, paramLabel = "CSV", description = "The current data.")
    private Path current;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "The columns to test (default: every column of the reference but timestamps).")
    private List<String> columns;

    @Option(names = "--column-type", paramLabel = "COLUMN=num|cat",
            description = "How to treat a column, repeatable: num (numbers) or cat (categories). By default numeric "
                    + "columns are num however few distinct values they hold (as Evidently types them; the number of "
                    + "distinct values only chooses the default test), all others cat. Set cat for integer codes.")
    private Map<String, String> columnTypes;

    @Option(names = "--stattest", paramLabel = "NAME",
            description = "The test for every column, such as ks, psi, wasserstein, jensenshannon, chisquare, tvd "
                    + "(default: Evidently's choice per column).")
    private String stattest;

    @Option(names = "--threshold", paramLabel = "X", description = "The threshold for every column (default: the "
            + "test's own).")
    private Double threshold;

    @Option(names = "--drift-share", paramLabel = "X", defaultValue = "0.5",
            description = "The share of drifted columns from which the dataset drifted (default: ${DEFAULT-VALUE}).")
    private double driftShare;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as an HTML page, with the "
            + "default policy's decision on top (moved probability mass: below 5 points none, 5-10 retrain, above "
            + "10 escalate) and every column's test, score, threshold and distributions.")
    private Path html;

    @Override
    public Integer call() {
        if (html != null) {
            InputFiles.requireWritableFile(html, "--html");
        }
        CsvReader reader = missingValues.reader().build();
        if (columns != null && !columns.isEmpty()) {
            List<String> header = reader.header(InputFiles.requireFile(reference, "--reference"));
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw OptionValues.invalid(spec, "--columns", "the reference " + reference + " has no column '"
                            + column + "'; its columns are " + header, null);
                }
            }
            reader = reader.toBuilder().columns(columns).build(); // parse only the columns tested
        }
        DataDrift.Builder drift = OptionValues.apply(spec, "--drift-share",
                () -> DataDrift.builder().driftShare(driftShare));
        if (columns != null && !columns.isEmpty()) {
            drift.columns(columns.toArray(String[]::new));
        }
        if (stattest != null) {
            drift.stattest(stattest);
        }
        if (threshold != null) {
            OptionValues.apply(spec, "--threshold", () -> drift.threshold(threshold));
        }
        if (stattest != null) {
            OptionValues.apply(spec, "--stattest", drift::build); // a wrong option fails before any file is read
        }
        InputFiles.requireFile(reference, "--reference");
        InputFiles.requireFile(current, "--current");
        ProgressListener listener = progress.listener(spec.commandLine().getErr());
        long start = System.nanoTime();
        step(listener, "read the reference", 0, start);
        CsvReadResult referenceRead = reader.readWithReport(InputFiles.requireFile(reference, "--reference"));
        step(listener, "read the current data", 1, start);
        CsvReadResult currentRead = reader.readWithReport(InputFiles.requireFile(current, "--current"));
        step(listener, "test the columns", 2, start);
        Table referenceTable = referenceRead.table();
        Table currentTable = currentRead.table();
        if (columnTypes != null) {
            columnTypes.forEach((column, key) -> OptionValues.apply(spec, "--column-type",
                    () -> drift.columnType(checkedColumn(column, referenceTable), DriftTreatment.fromKey(key))));
        }
        DataDrift comparison = stattest != null ? OptionValues.apply(spec, "--stattest", drift::build) : drift.build();
        DriftReport report = comparison.run(referenceTable, currentTable);
        step(listener, "done", 3, start);
        printMissing(spec.commandLine().getErr(), "reference", referenceRead.report(), report);
        printMissing(spec.commandLine().getErr(), "current", currentRead.report(), report);
        spec.commandLine().getOut().print(report.toJson());
        spec.commandLine().getOut().println();
        if (html != null) {
            byte[] page = htmlPage(comparison, referenceTable, currentTable, report).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(html, out -> out.write(page));
        }
        return report.summary().datasetDrift() ? ExitCodes.CHECKS_FAILED : ExitCodes.OK;
    }

    private static void step(ProgressListener listener, String stage, int done, long start) {
        listener.onProgress(new Progress("drift", stage, "", done, 3, Duration.ofNanos(System.nanoTime() - start)));
    }

    /**
     * Says on standard error, per tested column, how many of a window's values were read as missing and as which
     * texts: they are left out of the tests (the report's {@code reference_dropped} and {@code current_dropped}).
     */
    private static void printMissing(PrintWriter err, String window, CsvReadReport read, DriftReport report) {
        for (ColumnDrift column : report.columns()) {
            MissingValues missing = read.missingValues(column.column());
            if (!missing.isEmpty()) {
                err.printf(Locale.ROOT, "%s: column '%s': %,d values read as missing %s, not tested (change with "
                        + "--na-values, --keep-default-na=false)%n", window, column.column(), missing.count(),
                        missing.byText());
            }
        }
        err.flush();
    }

    /** The page with the default policy's decision on top, so that it shows the moved probability mass. */
    private static String htmlPage(DataDrift comparison, Table reference, Table current, DriftReport report) {
        if (report.columns().isEmpty()) {
            return report.toHtml();
        }
        PolicyDecision decision = DriftMonitor.builder().dataDrift(comparison)
                .actions(ActionKind.RETRAIN, "log").actions(ActionKind.ESCALATE, "log").build()
                .decide(reference, current, report, Map.of());
        return report.toHtml(decision);
    }

    private String checkedColumn(String column, Table referenceTable) {
        if (!referenceTable.hasColumn(column)) {
            throw new IllegalArgumentException("the reference " + reference + " has no column '" + column
                    + "'; its columns are " + referenceTable.columnNames());
        }
        return column;
    }
}
