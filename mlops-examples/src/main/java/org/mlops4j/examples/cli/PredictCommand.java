package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlops4j.serving.CsvScoring;
import org.mlops4j.serving.CsvScoringSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops predict}: scores a CSV file with a registered model, with the model server's checks. */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Score a CSV file with a registered model into a CSV file: the input's columns, then "
            + "prediction_label, prediction_score and probability_<class> (or prediction_value for regression), and "
            + "_error. Each row is checked against the model's input schema as 'mlops serve' does: a row whose value "
            + "does not fit gets its error in _error and the other rows are scored. Exit code 0 when every row was "
            + "scored, 1 when some rows have an error, 2 for a bad model, file or option.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelStoreOptions model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The rows to score (UTF-8 CSV "
            + "with a header holding the model's input columns).")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "Where to write the scored rows "
            + "(replaced if it exists).")
    private Path output;

    @Override
    public Integer call() {
        CsvScoringSummary summary = CsvScoring.score(model.model, model.mlops(), input, output);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("scored %d rows of %s with %s version %d into %s: %d with an error (column %s), missing values "
                + "imputed %s, unseen levels %s%n", summary.rows(), input, summary.version().name(),
                summary.version().version(), output, summary.failedRows(), CsvScoring.ERROR_COLUMN,
                summary.missingValues(), summary.unseenLevels());
        return summary.failedRows() == 0 ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
}
