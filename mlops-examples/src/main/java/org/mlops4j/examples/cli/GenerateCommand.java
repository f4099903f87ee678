package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.data.Table;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops generate}: synthetic raw lead data in the case study's schema, with drift on demand. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write synthetic raw leads in the case study's 45 columns: its distributions and a label "
            + "model whose best AUC is about 0.81. Drift moves a share of probability mass in a column.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "The file to write.")
    private Path output;

    @Option(names = "--rows", defaultValue = "10000", description = "How many leads (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", defaultValue = "0", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--start", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "First created_date day (default: 2021-07-01).")
    private LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "Last created_date day (default: 2022-02-14).")
    private LocalDate end;

    @Option(names = "--drift", paramLabel = "COLUMN=PP", description = "Move PP percentage points of probability "
            + "mass in COLUMN; repeatable. Columns: city_mapped, first_platform_c, first_utm_medium_c, "
        + "first_utm_source_c, total_leads_droppped, referred_lead.")
    private java.util.Map<String, Double> drift;

    @Option(names = "--case-study-drift", description = "Apply the drift of the case study's inference data.")
    private boolean caseStudyDrift;

    @Option(names = "--label-noise", paramLabel = "P", defaultValue = "0",
            description = "Flip each label with this probability (default: ${DEFAULT-VALUE}).")
    private double labelNoise;

    @Option(names = "--no-target", description = "Leave out app_complete_flag (inference data).")
    private boolean noTarget;

    @Option(names = "--index-column", description = "Start each row with an unnamed index column, as pandas writes.")
    private boolean indexColumn;

    @Override
    public Integer call() {
        if (rows < 0) {
            throw OptionValues.invalid(spec, "--rows", "it must not be negative, was " + rows, null);
        }
        InputFiles.requireWritableFile(output, "--output");
        LeadGenerator.Builder generator = LeadGenerator.builder().seed(seed).rows(rows).withTarget(!noTarget)
                .indexColumn(indexColumn);
        OptionValues.apply(spec, "--label-noise", () -> generator.labelNoise(labelNoise));
        if (start != null) {
            generator.startDate(start);
        }
        if (end != null) {
            generator.endDate(end);
        }
        if (caseStudyDrift) {
            generator.caseStudyInferenceDrift();
        }
        if (drift != null) {
            drift.forEach((column, size) -> generator.drift(List.of(OptionValues.apply(spec, "--drift",
                    () -> LeadDrift.moveMass(column, size)))));
        }
        Table written = generator.build().write(output);
        spec.commandLine().getOut().printf("%s: %d leads, %d columns%n", output, written.rowCount(),
                written.columnCount());
        return ExitCodes.OK;
    }
}
