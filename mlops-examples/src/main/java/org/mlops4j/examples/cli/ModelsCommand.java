package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.models.ChampionChallenger;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.PromotionDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code mlops models}: the model registry from the shell. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Register models, describe and list them, move versions between stages, set aliases, gate "
                + "promotions.",
        subcommands = {ModelsCommand.ListVersions.class, ModelsRegisterCommand.class, ModelsDescribeCommand.class,
            ModelsCommand.Transition.class, ModelsCommand.Alias.class, ModelsCommand.Challenge.class})
final class ModelsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    static void print(PrintWriter out, ModelVersion v) {
        out.printf(Locale.ROOT, "%s  version %d  %-10s aliases %s  source %s%n", v.name(), v.version(),
                v.stage().displayName(), v.aliases(), v.source());
    }

    /** {@code mlops models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List registered models and their versions.")
    static final class ListVersions implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store;

        @Option(names = "--name", paramLabel = "NAME", description = "Only this model.")
        private String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TrackingLocation location = store.openReadOnly()) {
                ModelRegistry registry = location.registry();
                List<RegisteredModel> models = name != null ? List.of(registry.getModel(name))
                        : registry.listModels();
                for (RegisteredModel model : models) {
                    registry.listVersions(model.name()).forEach(v -> print(out, v));
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code mlops models transition}. */
    @Command(name = "transition",
            description = "Move a version to a stage: None, Staging, Production or Archived.")
    static final class Transition implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private RegisteredModelOptions model;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The version.")
        private int version;

        @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "The target stage.")
        private String stage;

        @Option(names = "--archive-existing", description = "Archive the versions now in the target stage.")
        private boolean archiveExisting;

        @Override
        public Integer call() {
            RegisteredModelOptions.requireVersion(spec, version);
            ModelStage target = OptionValues.apply(spec, "--stage", () -> ModelStage.parse(stage));
            try (TrackingLocation location = model.open()) {
                print(spec.commandLine().getOut(), location.registry().transitionStage(model.name, version, target,
                        archiveExisting));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code mlops models alias}. */
    @Command(name = "alias",
            description = "Point an alias, such as champion, at a version (or remove it with --delete).")
    static final class Alias implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private RegisteredModelOptions model;

        @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "The alias.")
        private String alias;

        @Option(names = "--version", paramLabel = "N", description = "The version it points at.")
        private Integer version;

        @Option(names = "--delete", description = "Remove the alias.")
        private boolean delete;

        @Override
        public Integer call() {
            if (delete == (version != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Give either --version N to set the alias or --delete to remove it");
            }
            if (version != null) {
                RegisteredModelOptions.requireVersion(spec, version);
            }
            try (TrackingLocation location = model.open()) {
                if (delete) {
                    location.registry().deleteAlias(model.name, alias);
                    spec.commandLine().getOut().println("removed alias " + alias + " of " + model.name);
                } else {
                    print(spec.commandLine().getOut(), location.registry().setAlias(model.name, alias, version));
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code mlops models challenge}. */
    @Command(name = "challenge",
            description = "Score a version and the Production version on the same held-out rows and promote the "
                    + "version only when it is better (exit code 0 when promoted, 1 when Production stays).")
    static final class Challenge implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private RegisteredModelOptions model;

        @Mixin
        private MissingValueOptions missingValues;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The candidate version.")
        private int version;

        @Option(names = "--held-out", required = true, paramLabel = "CSV",
                description = "Labelled rows neither version was trained on (the target column included).")
        private Path heldOut;

        @Option(names = "--metric", paramLabel = "METRIC",
                description = "auc, accuracy, f1, ... or rmse, mae, r2 (default: auc, or r2 for regression).")
        private String metric;

        @Option(names = "--min-improvement", paramLabel = "X", defaultValue = "0",
                description = "How much better the candidate must score (default: ${DEFAULT-VALUE}).")
        private double minImprovement;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = ChampionChallenger.DEFAULT_ALIAS,
                description = "The alias a promoted version receives (default: ${DEFAULT-VALUE}).")
        private String alias;

        @Option(names = "--json", description = "Print the decision as JSON.")
        private boolean json;

        @Override
        public Integer call() {
            RegisteredModelOptions.requireVersion(spec, version);
            EvaluationMetric compareOn = metric == null ? null : OptionValues.apply(spec, "--metric", () -> EvaluationMetric.parse(metric));
            Table rows = InputFiles.readCsv(heldOut, "--held-out", missingValues.reader().build());
            try (TrackingLocation location = model.open()) {
                ChampionChallenger base = ChampionChallenger.of(
                        ModelTracking.of(location.tracking(), location.registry()), location.registry());
                ChampionChallenger gate = OptionValues.apply(spec, "--min-improvement",
                        () -> base.minImprovement(minImprovement)).alias(alias);
                if (compareOn != null) {
                    gate = gate.metric(compareOn);
                }
                PromotionDecision decision = gate.challenge(model.name, version, rows);
                spec.commandLine().getOut().println(json ? decision.toJson() : decision.summary());
                return decision.promoted() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
            }
        }
    }
}
