package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineProgress;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.examples.leadscoring.DataPipelineOptions;
import org.mlops4j.examples.leadscoring.LeadScoringPipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline run data}: the case study's data pipeline on one CSV batch. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the data pipeline: build_dbs, raw_data_schema_check, load_data_into_db, map_city_tier, "
            + "map_categorical_vars, interactions_mapping, model_input_schema_check. The tables loaded_data, "
            + "city_tier_mapped, categorical_variables_mapped, interactions_mapped and model_input go to the SQLite "
            + "file. A batch that fails a schema check is copied to the quarantine folder with its report, and the "
            + "exit code is 1.")
final class DataPipelineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The raw leads to load.")
    private Path input;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The SQLite file (created if missing).")
    private Path database;

    @Option(names = "--inference", description = "The batch is inference data, without app_complete_flag.")
    private boolean inference;

    @Option(names = "--quarantine", paramLabel = "DIR",
            description = "Where failing batches go (default: quarantine next to the database).")
    private Path quarantine;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        InputFiles.requireFile(input, "--input");
        InputFiles.requireDatabaseOrAbsent(database, "--db");
        if (quarantine != null) {
            InputFiles.requireWritableFolder(quarantine, "--quarantine");
        }
        DataPipelineOptions.Builder options = DataPipelineOptions.builder(input, database).inference(inference);
        if (quarantine != null) {
            options.quarantineFolder(quarantine);
        }
        PipelineRun run;
        Pipeline pipeline = LeadScoringPipelines.data(options.build());
        try (PipelineRunner runner = PipelineRunner.builder().threads(1)
                .listener(PipelineProgress.of(pipeline, progress.listener(spec.commandLine().getErr()))).build()) {
            run = runner.run(pipeline);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (StepRun step : run.steps()) {
            out.printf(Locale.ROOT, "%-26s %-16s %6d ms%n", step.stepName(), step.state(), step.duration().toMillis());
        }
        out.println("pipeline " + run.pipelineName() + " " + run.state() + " (run " + run.runId() + ", database "
                + database + ")");
        return PipelineOutcomes.exitCode(spec, run);
    }
}
