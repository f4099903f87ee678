package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops artifacts}: a run's artifacts from the shell, as MLflow's {@code mlflow artifacts}. */
@Command(name = "artifacts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List and download a run's artifacts.",
        subcommands = {ArtifactsCommand.ListArtifacts.class, ArtifactsCommand.Download.class})
final class ArtifactsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code mlops artifacts list RUN [PATH]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the artifacts of a run in a folder (default: the root), with their sizes; folders "
                    + "end with /.")
    static final class ListArtifacts implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
        private String runId;

        @Parameters(index = "1", paramLabel = "PATH", defaultValue = "",
                description = "A folder of its artifacts (default: the root).")
        private String path;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingLocation location = store.openReadOnly()) {
                requireRun(location, runId);
                List<ArtifactInfo> entries = location.tracking().listArtifacts(runId, path);
                TextTable table = TextTable.of(List.of("path", "size"), List.of(false, true));
                entries.forEach(e -> table.add(List.of(e.directory() ? e.path() + "/" : e.path(),
                        e.directory() ? "" : Long.toString(e.size()))));
                out.print(table.render());
                out.println(entries.size() + " artifact(s)");
                return ExitCodes.OK;
            }
        }
    }

    /** {@code mlops artifacts download RUN [PATH] --output DIR}. */
    @Command(name = "download", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Copy a run's artifact file or folder (default: all of them) into a local folder and "
                    + "print where it is.")
    static final class Download implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store;

        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run.")
        private String runId;

        @Parameters(index = "1", paramLabel = "PATH", defaultValue = "",
                description = "A file or folder of its artifacts (default: all).")
        private String path;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = ".",
                description = "The local folder to copy into, created when missing (default: the current folder).")
        private Path output;

        @Override
        public Integer call() {
            InputFiles.requireWritableFolder(output, "--output");
            try (TrackingLocation location = store.openReadOnly()) {
                requireRun(location, runId);
                Path copy = location.tracking().downloadArtifacts(runId, path, output);
                spec.commandLine().getOut().println(copy);
                return ExitCodes.OK;
            }
        }
    }

    private static void requireRun(TrackingLocation location, String runId) {
        if (location.tracking().getRun(runId).isEmpty()) {
            throw new TrackingNotFoundException("No run '" + runId + "' at " + location.uri()
                    + "; find run ids with: mlops runs search");
        }
    }
}
