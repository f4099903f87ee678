package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlops4j.drift.profile.ProfileReport;
import org.mlops4j.drift.profile.TableProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops profile}: the data profile report of a CSV file, as ydata-profiling makes it. */
@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Profile a CSV file: overview, per-column statistics, histograms, top values, correlations "
            + "and alerts. Prints the report as JSON unless --json or --html says where to write it. Reads the file in "
            + "chunks, so memory stays bounded whatever its size.")
final class ProfileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private MissingValueOptions missingValues;

    @Mixin
    private ProgressOptions progress;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The data to profile.")
    private Path input;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one HTML page.")
    private Path html;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: the file's name).")
    private String title;

    @Override
    public Integer call() {
        if (json != null) {
            InputFiles.requireWritableFile(json, "--json");
        }
        if (html != null) {
            InputFiles.requireWritableFile(html, "--html");
        }
        TableProfile profile = StreamingProfile.of(InputFiles.requireFile(input, "--input"),
                missingValues.reader().build(), progress.listener(spec.commandLine().getErr()));
        ProfileReport report = ProfileReport.of(profile,
                title != null ? title : input.getFileName().toString());
        if (json == null && html == null) {
            spec.commandLine().getOut().println(report.toJson());
            return ExitCodes.OK;
        }
        if (json != null) {
            report.writeJson(json);
        }
        if (html != null) {
            report.writeHtml(html);
        }
        spec.commandLine().getOut().printf("%s: %d rows, %d columns, %d alerts%n", input,
                report.overview().rows(), report.overview().columns(), report.alerts().size());
        return ExitCodes.OK;
    }
}
