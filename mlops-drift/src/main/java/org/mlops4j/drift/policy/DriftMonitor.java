package org.mlops4j.drift.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.ActionResult;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.DecisionRecorder;
import org.mlops4j.core.monitor.DeviationMeasure;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.drift.ColumnDrift;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.internal.PreparedColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a model's input: compares a current window with the reference data, lets an {@link ActionPolicy} decide
 * from how far the monitored columns moved (and, optionally, from model quality), runs the actions configured for the
 * decision, and records the outcome.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder()
 *         .columns("total_leads_droppped", "city_tier", "referred_lead",
 *                  "first_platform_c", "first_utm_medium_c", "first_utm_source_c")
 *         .hooks(ActionHooks.builder()
 *                 .pipeline("retrain", decision -> pipelines.run("training").id())
 *                 .callback("escalate", decision -> pager.send(decision.reason()))
 *                 .build())
 *         .recorder(new JsonLinesDecisionRecorder(Path.of("monitor/decisions.jsonl")))
 *         .build();
 * DecisionOutcome outcome = monitor.check(trainingData, lastWeek);
 * }</pre>
 *
 * <p>A host that also keeps or shows the drift report runs it once and hands it over, so the columns are not tested
 * twice:
 * <pre>{@code
 * DriftReport report = drift.run(trainingData, lastWeek);
 * Files.writeString(Path.of("drift.html"), report.toHtml());
 * DecisionOutcome outcome = monitor.check(trainingData, lastWeek, report, Map.of());
 * }</pre>
 *
 * <p>Defaults: the policy of {@value MlopsProperties#MONITOR_POLICY_BANDS} (else {@link ActionPolicy#defaults()}); the
 * deviation {@link TotalVariationDeviation}; the drift report of {@link DataDrift} with Evidently's defaults; actions
 * per decision from {@code mlops.monitor.actions.<none|retrain|escalate>}, else none for {@code none},
 * {@code pipeline:retrain} for {@code retrain} and {@code log, callback:escalate} for {@code escalate}. Every action
 * runs even when an earlier one failed; a failure is logged and listed in the outcome, never dropped.
 *
 * <p>Instances are immutable and thread-safe when the hooks and the recorder are.
 */
public final class DriftMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);

    private final DataDrift dataDrift;
    private final List<String> columns;
    private final ActionPolicy policy;
    private final DeviationMeasure measure;
    private final Map<ActionKind, List<TriggerAction>> actions;
    private final DecisionRecorder recorder;
    private final Clock clock;

    private DriftMonitor(Builder b) {
        Mlops mlops = b.mlops != null ? b.mlops : Mlops.shared();
        MlopsConfig config = mlops.config();
        this.dataDrift = b.dataDrift != null ? b.dataDrift : DataDrift.builder().mlops(mlops).build();
        this.columns = List.copyOf(b.columns);
        this.policy = b.policy != null ? b.policy : policyFrom(config);
        this.measure = b.measure;
        this.recorder = b.recorder;
        this.clock = b.clock;
        ProviderSet<TriggerActionProvider> providers = mlops.providers(TriggerActionProvider.class);
        Map<ActionKind, List<TriggerAction>> made = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            String specs = b.actions.containsKey(kind) ? b.actions.get(kind)
                    : config.get("mlops.monitor.actions." + kind.key(), defaultActions(kind));
            made.put(kind, makeActions(kind, specs, providers, config, b.hooks));
        }
        this.actions = made;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy */
    public ActionPolicy policy() {
        return policy;
    }

    /** @return the actions run for each decision, by their configured names */
    public Map<ActionKind, List<String>> actionNames() {
        Map<ActionKind, List<String>> out = new EnumMap<>(ActionKind.class);
        actions.forEach((kind, list) -> out.put(kind, list.stream().map(TriggerAction::name).toList()));
        return out;
    }

    /**
     * Checks for drift, decides, acts and records.
     *
     * @param reference the reference data (typically the training data)
     * @param current   the current window
     * @return the decision and its action results
     * @throws DataException when a monitored column is missing or cannot be compared
     */
    public DecisionOutcome check(Table reference, Table current) {
        return act(decide(reference, current, Map.of()));
    }

    /**
     * Checks for drift and model quality, decides, acts and records.
     *
     * @param reference      the reference data
     * @param current        the current window
     * @param qualityMetrics the model's measured quality on labelled current data, by metric name (such as
     *                       {@code auc}); empty when not measured
     * @return the decision and its action results
     * @throws DataException            when a monitored column is missing or cannot be compared
     * @throws IllegalArgumentException when a metric with a target was not measured
     */
    public DecisionOutcome check(Table reference, Table current, Map<String, Double> qualityMetrics) {
        return act(decide(reference, current, qualityMetrics));
    }

    /**
     * Decides from a drift report already made of the same two tables (its verdict is kept as evidence, no column
     * is tested again), weighs model quality, acts and records.
     *
     * @param reference      the reference data the report was made from
     * @param current        the current window the report was made from
     * @param report         the drift report of {@code reference} against {@code current}
     * @param qualityMetrics measured quality metrics; empty when not measured
     * @return the decision and its action results
     * @throws DataException            when a monitored column is missing or cannot be compared
     * @throws IllegalArgumentException when the report's row counts are not the tables', or a metric with a target
     *                                  was not measured
     */
    public DecisionOutcome check(Table reference, Table current, DriftReport report,
                                 Map<String, Double> qualityMetrics) {
        return act(decide(reference, current, report, qualityMetrics));
    }

    /**
     * Runs the drift report and decides, without acting.
     *
     * @param reference      the reference data
     * @param current        the current window
     * @param qualityMetrics measured quality metrics; empty when not measured
     * @return the decision with its evidence
     * @throws DataException when a monitored column is missing or cannot be compared
     */
    public PolicyDecision decide(Table reference, Table current, Map<String, Double> qualityMetrics) {
        return decide(reference, current, dataDrift.run(reference, current), qualityMetrics);
    }

    /**
     * Decides from a drift report already made of the same two tables, without acting and without testing any
     * column again. The policy weighs each monitored column's deviation, measured on the tables, and keeps the
     * report's verdict as evidence; a monitored column the report left out has its type inferred, and one the report
     * could not test (empty or constant) is not weighed.
     *
     * @param reference      the reference data the report was made from
     * @param current        the current window the report was made from
     * @param report         the drift report of {@code reference} against {@code current}
     * @param qualityMetrics measured quality metrics; empty when not measured
     * @return the decision with its evidence
     * @throws DataException            when a monitored column is missing or cannot be compared
     * @throws IllegalArgumentException when the report's row counts are not the tables' (a report of other data),
     *                                  or a metric with a target was not measured
     */
    public PolicyDecision decide(Table reference, Table current, DriftReport report,
                                 Map<String, Double> qualityMetrics) {
        checkSameData(report, reference, current);
        List<String> monitored = columns.isEmpty()
                ? report.columns().stream().map(ColumnDrift::column).toList() : columns;
        List<ColumnDeviation> deviations = new ArrayList<>(monitored.size());
        for (String name : monitored) {
            if (report.untestedColumn(name).isPresent()) {
                continue; // empty or constant: nothing moved that could be measured
            }
            Column ref = reference.findColumn(name).orElseThrow(() -> missing("reference", name, reference));
            Column cur = current.findColumn(name).orElseThrow(() -> missing("current", name, current));
            ColumnType type = report.column(name).map(ColumnDrift::columnType)
                    .orElseGet(() -> PreparedColumn.inferType(ref, cur));
            double deviation = measure.deviation(PreparedColumn.of(ref, cur, type, 0).samples());
            deviations.add(new ColumnDeviation(name, type, deviation));
        }
        PolicyDecision decision = policy.decide(measure.name(), measure.unit(), deviations, report.summary(),
                qualityMetrics, clock.instant());
        LOG.debug("Monitor decided {}: {}", decision.action().key(), decision.reason());
        return decision;
    }

    /**
     * Runs the actions configured for a decision, then records the outcome. A failing action does not stop the
     * others; its failure is logged and listed in the outcome. A failure to record is logged and added to the
     * returned outcome as a failed result named {@code record}.
     *
     * @param decision a decision, made by this monitor or elsewhere
     * @return the decision and each action's result
     */
    public DecisionOutcome act(PolicyDecision decision) {
        List<ActionResult> results = new ArrayList<>();
        for (TriggerAction action : actions.get(decision.action())) {
            long start = System.nanoTime();
            try {
                String detail = action.execute(decision);
                results.add(ActionResult.success(action.name(), detail == null ? "" : detail, millisSince(start)));
            } catch (RuntimeException e) {
                LOG.error("Monitor action '{}' failed for decision {} ({})", action.name(), decision.action().key(),
                        decision.reason(), e);
                results.add(ActionResult.failure(action.name(), e, millisSince(start)));
            }
        }
        DecisionOutcome outcome = new DecisionOutcome(decision, results);
        long start = System.nanoTime();
        try {
            recorder.record(outcome);
        } catch (RuntimeException e) {
            LOG.error("Cannot record the monitor's decision {} ({})", decision.action().key(), decision.reason(), e);
            results.add(ActionResult.failure("record", e, millisSince(start)));
            outcome = new DecisionOutcome(decision, results);
        }
        return outcome;
    }

    private static void checkSameData(DriftReport report, Table reference, Table current) {
        if (report.referenceRows() != reference.rowCount() || report.currentRows() != current.rowCount()) {
            throw new IllegalArgumentException("The drift report compares " + report.referenceRows()
                    + " reference rows with " + report.currentRows() + " current rows, but the tables given hold "
                    + reference.rowCount() + " and " + current.rowCount() + " rows; pass the report made of these"
                    + " tables, or let the monitor make it with decide(reference, current, qualityMetrics)");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static DataException missing(String which, String name, Table table) {
        return new DataException("The " + which + " table has no monitored column '" + name + "'; its columns are "
                + table.columnNames(), null, 0, name, null);
    }

    private static ActionPolicy policyFrom(MlopsConfig config) {
        String bands = config.get(MlopsProperties.MONITOR_POLICY_BANDS, MlopsProperties.DEFAULT_MONITOR_POLICY_BANDS);
        try {
            return ActionPolicy.parseBands(bands).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid value for property " + MlopsProperties.MONITOR_POLICY_BANDS
                    + "=" + bands + ": " + e.getMessage(), e);
        }
    }

    private static String defaultActions(ActionKind kind) {
        return switch (kind) {
            case NONE -> "";
            case RETRAIN -> MlopsProperties.DEFAULT_MONITOR_ACTIONS_RETRAIN;
            case ESCALATE -> MlopsProperties.DEFAULT_MONITOR_ACTIONS_ESCALATE;
        };
    }

    private static List<TriggerAction> makeActions(ActionKind kind, String specs,
                                                   ProviderSet<TriggerActionProvider> providers, MlopsConfig config,
                                                   ActionHooks hooks) {
        List<TriggerAction> out = new ArrayList<>();
        for (String spec : specs.split(",")) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            String provider = colon < 0 ? s : s.substring(0, colon).trim();
            String target = colon < 0 ? "" : s.substring(colon + 1).trim();
            try {
                out.add(providers.get(provider).create(new TriggerContext(target, config, hooks)));
            } catch (ConfigurationException e) {
                throw new ConfigurationException("Cannot set up the action '" + s + "' for " + kind.key()
                        + " decisions: " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Collects the options of a {@link DriftMonitor}; not thread-safe. */
    public static final class Builder {
        private Mlops mlops;
        private DataDrift dataDrift;
        private final List<String> columns = new ArrayList<>();
        private ActionPolicy policy;
        private DeviationMeasure measure = new TotalVariationDeviation();
        private final Map<ActionKind, String> actions = new LinkedHashMap<>();
        private ActionHooks hooks = ActionHooks.none();
        private DecisionRecorder recorder = outcome -> { };
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param mlops where the configuration and the action and drift-test providers come from; by default
         *              {@link Mlops#shared()}
         * @return this builder
         */
        public Builder mlops(Mlops mlops) {
            this.mlops = Objects.requireNonNull(mlops, "mlops");
            return this;
        }

        /**
         * @param drift the drift report the monitor runs when it is not handed one (its verdict is kept as
         *              evidence); by default Evidently's defaults
         * @return this builder
         */
        public Builder dataDrift(DataDrift drift) {
            this.dataDrift = Objects.requireNonNull(drift, "drift");
            return this;
        }

        /**
         * @param names the columns whose deviation the policy weighs; by default every column the drift report tests
         * @return this builder
         */
        public Builder columns(String... names) {
            columns.clear();
            columns.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * @param policy the bands and quality targets
         * @return this builder
         */
        public Builder policy(ActionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param measure how a column's deviation is computed; by default {@link TotalVariationDeviation}
         * @return this builder
         */
        public Builder measure(DeviationMeasure measure) {
            this.measure = Objects.requireNonNull(measure, "measure");
            return this;
        }

        /**
         * Sets the actions for one kind of decision, instead of the configured ones.
         *
         * @param kind  the decision
         * @param specs the actions, each a provider's name optionally followed by {@code :target}, such as
         *              {@code "log"}, {@code "pipeline:retrain"}; none for no action
         * @return this builder
         */
        public Builder actions(ActionKind kind, String... specs) {
            actions.put(Objects.requireNonNull(kind, "kind"), String.join(",", specs));
            return this;
        }

        /**
         * @param hooks the callbacks and pipelines the actions may call
         * @return this builder
         */
        public Builder hooks(ActionHooks hooks) {
            this.hooks = Objects.requireNonNull(hooks, "hooks");
            return this;
        }

        /**
         * @param recorder where each outcome is recorded; by default nowhere
         * @return this builder
         */
        public Builder recorder(DecisionRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
            return this;
        }

        /**
         * @param clock the clock that stamps decisions; by default UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the monitor
         * @throws ConfigurationException when an action's provider, callback or pipeline does not exist, or the
         *                                configured bands are invalid
         */
        public DriftMonitor build() {
            return new DriftMonitor(this);
        }
    }
}
