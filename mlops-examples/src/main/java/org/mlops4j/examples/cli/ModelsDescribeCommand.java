package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops models describe}: one registered model in full: its aliases and tags, and for each version its stage,
 * source, run, input columns, tags and the metrics of the run that trained it.
 */
@Command(name = "describe",
        description = "Describe a registered model: aliases, tags and each version's stage, source, run, input "
                + "columns, tags and its run's metrics (only one version with --version).")
final class ModelsDescribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegisteredModelOptions model;

    @Option(names = "--version", paramLabel = "N", description = "Only this version.")
    private Integer version;

    @Override
    public Integer call() {
        if (version != null) {
            RegisteredModelOptions.requireVersion(spec, version);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingLocation location = model.openReadOnly()) {
            RegisteredModel registered = location.registry().getModel(model.name);
            out.println("model " + registered.name());
            if (!registered.description().isEmpty()) {
                out.println("  description " + registered.description());
            }
            out.println("  aliases " + registered.aliases());
            out.println("  tags " + registered.tags());
            List<ModelVersion> versions = version != null
                    ? List.of(location.registry().getVersion(model.name, version))
                    : location.registry().listVersions(model.name);
            for (ModelVersion v : versions) {
                describe(out, v, v.runId().flatMap(id -> location.tracking().getRun(id)).orElse(null));
            }
            return ExitCodes.OK;
        }
    }

    private static void describe(PrintWriter out, ModelVersion v, Run run) {
        out.printf(Locale.ROOT, "version %d  %s  aliases %s  created %s%n", v.version(), v.stage().displayName(),
                v.aliases(), v.createdAt());
        out.println("  source " + v.source());
        out.println("  run " + v.runId().orElse("(none)"));
        v.inputSchema().ifPresent(schema -> out.println("  input " + schema.columns().stream()
                .map(ModelsDescribeCommand::column).toList()));
        if (!v.description().isEmpty()) {
            out.println("  description " + v.description());
        }
        out.println("  tags " + v.tags());
        if (run != null && !run.data().metrics().isEmpty()) {
            StringBuilder metrics = new StringBuilder("  metrics");
            run.data().metrics().forEach((key, metric) -> metrics.append(' ').append(key).append('=')
                    .append(TextTable.number(metric.value())));
            out.println(metrics);
        }
    }

    private static String column(ColumnSpec column) {
        return column.type().map(type -> column.name() + ":" + type.name().toLowerCase(Locale.ROOT))
                .orElse(column.name());
    }
}
