package org.mlops4j.examples.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops runs}: works with tracked runs. */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Search tracked runs.", subcommands = RunsCommand.Search.class)
final class RunsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: search");
    }

    /** {@code mlops runs search}: MLflow's search_runs from the shell. */
    @Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Search runs with MLflow's filter syntax, such as "
                + "\"metrics.max_deviation_pct > 10 and tags.`mlops.monitor.action` = 'ESCALATE'\".")
    static final class Search implements Callable<Integer> {


        @Spec
        private CommandSpec spec;

        @Option(names = "--tracking-uri", required = true, paramLabel = "URI", description = "Where the runs are.")
        private String trackingUri;

        @Option(names = "--experiment", split = ",", paramLabel = "NAME",
                description = "Experiments to search (default: all).")
        private List<String> experiments;

        @Option(names = "--filter", paramLabel = "EXPR", description = "A filter expression.")
        private String filter;

        @Option(names = "--order-by", split = ",", paramLabel = "EXPR",
                description = "Order clauses, such as \"metrics.auc DESC\".")
        private List<String> orderBy;

        @Option(names = "--max-results", paramLabel = "N", defaultValue = "1000",
                description = "Most runs returned (default: ${DEFAULT-VALUE}).")
        private int maxResults;

        @Option(names = "--json", description = "Print the runs as a JSON array.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (maxResults < 1 || maxResults > SearchRequest.MAX_RESULTS_LIMIT) {
                throw OptionValues.invalid(spec, "--max-results", "it must be between 1 and "
                        + SearchRequest.MAX_RESULTS_LIMIT + ", was " + maxResults, null);
            }
            try (TrackingLocation location = TrackingLocation.openReadOnly(trackingUri)) {
                List<String> ids = new ArrayList<>();
                if (experiments == null || experiments.isEmpty()) {
                    location.tracking().listExperiments().forEach(e -> ids.add(e.experimentId()));
                } else {
                    for (String name : experiments) {
                        Experiment experiment = location.tracking().getExperimentByName(name).orElseThrow(() ->
                                OptionValues.invalid(spec, "--experiment", "no experiment named '" + name + "' at "
                                        + location.uri() + "; its experiments are " + location.tracking()
                                        .listExperiments().stream().map(Experiment::name).toList(), null));
                        ids.add(experiment.experimentId());
                    }
                }
                SearchRequest.Builder request = SearchRequest.builder(ids).maxResults(maxResults);
                if (filter != null) {
                    OptionValues.apply(spec, "--filter", () -> request.filter(filter));
                }
                if (orderBy != null && !orderBy.isEmpty()) {
                    OptionValues.apply(spec, "--order-by", () -> request.orderBy(orderBy.toArray(String[]::new)));
                }
                List<Run> runs = ids.isEmpty() ? List.of() : location.tracking().searchRuns(request.build()).runs();
                if (json) {
                    out.println(toJson(runs));
                } else {
                    for (Run run : runs) {
                        out.printf(Locale.ROOT, "%s  %-9s %-30s metrics %s%n", run.runId(), run.info().status(),
                                run.info().runName(), run.data().metrics().keySet());
                    }
                    out.println(runs.size() + " run(s)");
                }
                return ExitCodes.OK;
            }
        }

        static String toJson(List<Run> runs) {
            return Json.writePretty(runs.stream().map(RunLine::of).toList());
        }

        /** One run of {@code --json}'s array, with MLflow's snake_case keys. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        private record RunLine(String runId, String experimentId, String runName, String status, long startTime,
                               Long endTime, Map<String, Double> metrics, Map<String, String> params,
                               Map<String, String> tags) {
            static RunLine of(Run run) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                run.data().metrics().forEach((k, m) -> metrics.put(k, m.value()));
                return new RunLine(run.runId(), run.info().experimentId(), run.info().runName(),
                        run.info().status().name(), run.info().startTime(),
                        run.info().endTime().isPresent() ? run.info().endTime().getAsLong() : null, metrics,
                        run.data().params(), run.data().tags());
            }
        }
    }
}
