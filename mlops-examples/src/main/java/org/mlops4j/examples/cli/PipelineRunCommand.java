package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.file.PipelineFile;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops pipeline run FILE}: runs a pipeline declared in a JSON or YAML file ({@link PipelineFile}), its step
 * types found through {@code PipelineStepProvider}s on the class path or in {@code --jar}s, each pipeline and step
 * recorded as runs; and {@code mlops pipeline run NAME}: one subcommand per pipeline of the case study.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a pipeline declared in a .yaml, .yml or .json file (step types from PipelineStepProviders "
                + "on the class path or in --jar files), or one pipeline of the case study by name. Pipeline and step "
                + "runs are recorded in the experiment (default: " + TrackingPipelineListener.DEFAULT_EXPERIMENT
                + "). Exit code 0 when every step succeeded, 2 for a bad file or option or a step that failed on its "
                + "input, 3 for a step's unexpected error.",
        subcommands = {DataPipelineCommand.class, TrainingPipelineCommand.class,
            InferencePipelineCommand.class, MonitoringPipelineCommand.class})
final class PipelineRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The pipeline file (.yaml, .yml or .json).")
    private Path file;

    @Option(names = "--jar", split = ",", paramLabel = "JAR",
            description = "Jars with the pipeline's step providers (listed in META-INF/services), besides the class "
                    + "path.")
    private List<Path> jars;

    @Option(names = "--experiment", paramLabel = "NAME",
            defaultValue = TrackingPipelineListener.DEFAULT_EXPERIMENT,
            description = "Experiment of the pipeline's runs (default: ${DEFAULT-VALUE}).")
    private String experiment;

    @Mixin
    private StoreOptions store;

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing the pipeline: a FILE.yaml or "
                    + "FILE.json, or the name of one of the case study's: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
        InputFiles.requireFile(file, "FILE");
        try (URLClassLoader steps = stepLoader()) {
            Mlops settings = store.settingsBuilder().classLoader(steps).build();
            Pipeline pipeline = PipelineFile.read(file, settings);
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingLocation location = TrackingLocation.open(settings);
                 PipelineRunner runner = PipelineRunner.builder().threads(1)
                         .listener(TrackingPipelineListener.of(location.tracking(), experiment)).build()) {
                PipelineRun run = runner.run(pipeline);
                PipelineOutcomes.printSteps(out, run);
                return PipelineOutcomes.exitCode(spec, run);
            }
        }
    }

    private URLClassLoader stepLoader() {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars == null ? List.<Path>of() : jars) {
            try {
                urls.add(InputFiles.requireFile(jar, "--jar").toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException("Cannot name the jar " + jar + " as a URL", e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Thread.currentThread().getContextClassLoader());
    }
}
