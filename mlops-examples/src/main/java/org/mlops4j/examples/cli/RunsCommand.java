package org.mlops4j.examples.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                + "\"metrics.max_deviation_pct > 10 and tags.`mlops.monitor.action` = 'ESCALATE'\". Prints a "
                + "table: run id, status, name, the latest value of each metric, then the params (cells cut at "
                + TextTable.MAX_CELL + " characters); --json prints every field in full.")
    static final class Search implements Callable<Integer> {


        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store;

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
            try (TrackingLocation location = store.openReadOnly()) {
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
                    out.print(table(runs).render());
                    out.println(runs.size() + " run(s)");
                }
                return ExitCodes.OK;
            }
        }

        /**
         * @param runs the runs found
         * @return one line per run: its id, status and name, the value of each metric any of them has (its latest),
         *         then each param ({@code metrics.} and {@code params.} prefixes, as in a filter)
         */
        static TextTable table(List<Run> runs) {
            SortedSet<String> metrics = new TreeSet<>();
            SortedSet<String> params = new TreeSet<>();
            runs.forEach(run -> {
                metrics.addAll(run.data().metrics().keySet());
                params.addAll(run.data().params().keySet());
            });
            List<String> header = new ArrayList<>(List.of("run_id", "status", "run_name"));
            List<Boolean> numeric = new ArrayList<>(List.of(false, false, false));
            metrics.forEach(m -> {
                header.add("metrics." + m);
                numeric.add(true);
            });
            params.forEach(p -> {
                header.add("params." + p);
                numeric.add(false);
            });
            TextTable table = TextTable.of(header, numeric);
            for (Run run : runs) {
                List<String> cells = new ArrayList<>(List.of(run.runId(), run.info().status().name(),
                        run.info().runName()));
                metrics.forEach(m -> cells.add(run.data().metrics().containsKey(m)
                        ? TextTable.number(run.data().metrics().get(m).value()) : ""));
                params.forEach(p -> cells.add(run.data().params().getOrDefault(p, "")));
                table.add(cells);
            }
            return table;
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
