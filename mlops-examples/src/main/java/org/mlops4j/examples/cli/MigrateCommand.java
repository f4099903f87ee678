package org.mlops4j.examples.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.migration.MigrationCounts;
import org.mlops4j.core.tracking.migration.MigrationDifference;
import org.mlops4j.core.tracking.migration.MigrationEnd;
import org.mlops4j.core.tracking.migration.MigrationListener;
import org.mlops4j.core.tracking.migration.StoreMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops migrate --from URI --to URI}: copies experiments, runs, artifacts and the registry from one store to
 * another with {@link StoreMigration} (the source opened read-only), prints progress on standard error and what moved
 * on standard output, then checks that both agree: exit 0 when they do, 1 when they differ, 2 for a location that
 * cannot be opened or a target that refuses a write.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Copy experiments, runs (params, tags, metric histories, artifacts) and the model registry from"
            + " one store to another (mlops4j's file or JDBC stores, MLflow's ./mlruns or SQL database), then check"
            + " that both agree. Running it again copies only what is missing.")
final class MigrateCommand implements Callable<Integer> {

    /** How many differences the text output lists; {@code --json} lists all. */
    private static final int SHOWN_DIFFERENCES = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "URI",
            description = "The store to copy from, opened read-only, such as file:./mlruns or jdbc:sqlite:mlflow.db.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "URI",
            description = "The store to copy into; a missing or empty location becomes a new store.")
    private String to;

    @Option(names = "--no-check", description = "Skip comparing source and target after copying.")
    private boolean noCheck;

    @Option(names = "--json", description = "Print the counts and differences as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (from.equals(to)) {
            throw OptionValues.invalid(spec, "--to", "it names the same store as --from (" + from + ")", null);
        }
        Mlops mlops = Mlops.builder().build();
        PrintWriter err = spec.commandLine().getErr();
        try (MigrationEnd source = open(mlops, "--from", from, StoreAccess.READ_ONLY);
             MigrationEnd target = open(mlops, "--to", to, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(source, target);
            MigrationCounts counts = migration.copy(progress(err));
            List<MigrationDifference> differences = noCheck ? List.of() : migration.check();
            print(counts, differences);
            return differences.isEmpty() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }
    }

    private static MigrationEnd open(Mlops mlops, String option, String uri, StoreAccess access) {
        try {
            return MigrationEnd.open(mlops, URI.create(uri), access);
        } catch (IllegalArgumentException | ConfigurationException e) { // not a URI; nothing serves or holds it
            throw new ConfigurationException("Cannot open " + option + " " + uri + ": " + e.getMessage(), e);
        }
    }

    /** One line per run while there are few, else one per hundredth, and always the last. */
    private static MigrationListener progress(PrintWriter err) {
        return p -> {
            int every = Math.max(1, p.total() / 100);
            if (p.index() % every == 0 || p.index() == p.total()) {
                err.printf(Locale.ROOT, "runs %d/%d: %s %s%s%n", p.index(), p.total(),
                        p.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), p.sourceRunId(),
                        p.targetRunId().map(id -> " -> " + id).orElse(""));
                err.flush();
            }
        };
    }

    private void print(MigrationCounts c, List<MigrationDifference> differences) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writePretty(new Summary(from, to, snakeCase(c), !noCheck, differences.isEmpty(),
                    differences.stream().map(MigrationDifference::toString).toList())));
            return;
        }
        out.printf(Locale.ROOT, "experiments: %d created, %d deleted skipped%n", c.experimentsCreated(),
                c.experimentsSkippedDeleted());
        out.printf(Locale.ROOT, "runs: %d copied (%d with new ids), %d finished, %d already complete, %d deleted"
                + " skipped%n", c.runsCopied(), c.runsGivenNewIds(), c.runsFinished(), c.runsAlreadyComplete(),
                c.runsSkippedDeleted());
        out.printf(Locale.ROOT, "values: %d params, %d tags, %d metric values, %d artifact files (%d bytes)%n",
                c.params(), c.tags(), c.metricValues(), c.artifactFiles(), c.artifactBytes());
        out.printf(Locale.ROOT, "registry: %d models created, %d versions copied, %d changes, %d versions skipped"
                + " (MLflow 3 logged models)%n", c.modelsCreated(), c.versionsCopied(), c.registryChanges(),
                c.versionsSkipped());
        if (noCheck) {
            out.println("check: skipped (--no-check)");
        } else if (differences.isEmpty()) {
            out.println("check: source and target agree");
        } else {
            out.println("check: " + differences.size() + " difference(s)");
            differences.stream().limit(SHOWN_DIFFERENCES).forEach(d -> out.println("  " + d));
            if (differences.size() > SHOWN_DIFFERENCES) {
                out.println("  ... (--json lists all)");
            }
        }
    }

    /** @return the counts by their names in snake case, as MLflow's JSON names things */
    private static Map<String, Object> snakeCase(MigrationCounts counts) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (RecordComponent component : MigrationCounts.class.getRecordComponents()) {
            try {
                named.put(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT),
                        component.getAccessor().invoke(counts));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + counts, e);
            }
        }
        return named;
    }

    /** What {@code --json} prints. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Summary(String from, String to, Map<String, Object> counts, boolean checked, boolean agree,
                           List<String> differences) {
    }
}
