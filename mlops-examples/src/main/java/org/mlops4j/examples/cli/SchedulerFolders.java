package org.mlops4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.pipeline.file.ScheduledPipelineFile;
import org.mlops4j.core.pipeline.service.PipelineFolder;
import org.mlops4j.core.pipeline.service.SchedulerStore;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.PipelineStepProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code mlops scheduler} and the {@code mlops pipeline} schedule commands share: the folder of pipeline
 * files and the scheduler's state folder (by default inside it), so that the commands see what the scheduler does.
 */
final class SchedulerFolders {

    @Option(names = "--pipelines", required = true, paramLabel = "DIR",
            description = "The folder of pipeline files (.json, .yaml, .yml) with their schedule blocks.")
    private Path pipelines;

    @Option(names = "--state", paramLabel = "DIR",
            description = "The scheduler's state folder: slots, lease, history (default: DIR/.mlops-scheduler).")
    private Path state;

    /**
     * @param spec the command, for messages
     * @return the pipelines folder
     */
    Path pipelines(CommandSpec spec) {
        if (!Files.isDirectory(pipelines)) {
            throw OptionValues.invalid(spec, "--pipelines", "no folder " + pipelines.toAbsolutePath()
                    + "; give the folder that holds the pipeline files", null);
        }
        return pipelines;
    }

    /** @return the state folder */
    Path stateFolder() {
        return state != null ? state : pipelines.resolve(".mlops-scheduler");
    }

    /** @return the scheduler's store */
    SchedulerStore store() {
        return SchedulerStore.inFolder(stateFolder());
    }

    /**
     * @param spec the command, for messages
     * @return the folder's pipeline files, read once with the step types on the class path
     */
    PipelineFolder read(CommandSpec spec) {
        PipelineFolder folder = new PipelineFolder(pipelines(spec),
                Mlops.builder().build().providers(PipelineStepProvider.class));
        folder.reload();
        return folder;
    }

    /**
     * @param spec the command, for messages
     * @param name a pipeline's name
     * @return its file
     * @throws picocli.CommandLine.ParameterException naming the pipelines found when there is no such pipeline
     */
    ScheduledPipelineFile pipeline(CommandSpec spec, String name) {
        Map<String, ScheduledPipelineFile> found = read(spec).pipelines();
        ScheduledPipelineFile file = found.get(name);
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "No pipeline named '" + name + "' in "
                    + pipelines.toAbsolutePath() + " (found: " + (found.isEmpty() ? "none" : String.join(", ",
                    found.keySet())) + "); give the 'name' of a pipeline file there");
        }
        return file;
    }
}
