package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.QualityTargets;

/**
 * What the monitoring pipeline compares and what it does about it.
 *
 * <pre>{@code
 * MonitoringOptions options = MonitoringOptions.builder(servingLog, trainingDb, Path.of("monitoring/week-18"))
 *         .batches(Set.of("week-18"))
 *         .labelledBatch(Path.of("week-18-labels.csv"))
 *         .retrain(decision -> retrainOnNewData())
 *         .build();
 * }</pre>
 *
 * @param servingLog       the serving log the window is read from
 * @param referenceDatabase the SQLite file with the training data's {@value LeadScoringPipelines#MODEL_INPUT}, the
 *                         reference
 * @param outputFolder     where the drift reports, the decision, alerts and the labels' database go
 * @param batches          the serving log's batches that make up the window; empty for every batch
 * @param modelName        the monitored registered model
 * @param columns          the monitored columns
 * @param policy           the bands and the quality targets; by default the seed's bands with the case study's
 *                         targets (AUC &gt; 0.75, precision &gt; 0.65, recall &gt; 0.75, a miss asks to retrain)
 * @param labelledBatch    raw leads of the window with their labels ({@code app_complete_flag}), when they have
 *                         arrived: the model's quality on them is measured and weighed by the policy
 * @param retrain          runs the data and training pipelines on new labelled data for a {@code retrain}
 *                         decision, returning what to record (such as the new version); when absent, a
 *                         {@code retrain} decision is only logged
 * @param escalate         told about an {@code escalate} decision, after the alert file is written
 */
public record MonitoringOptions(Path servingLog, Path referenceDatabase, Path outputFolder, Set<String> batches,
                                String modelName, List<String> columns, ActionPolicy policy,
                                Optional<Path> labelledBatch, Optional<Function<PolicyDecision, String>> retrain,
                                Consumer<PolicyDecision> escalate) {

    /** The case study's system metrics: AUC &gt; 0.75, precision &gt; 0.65, recall &gt; 0.75. */
    public static final Map<String, Double> CASE_STUDY_TARGETS = Map.of("auc", 0.75, "precision", 0.65,
            "recall", 0.75);
    /** The model's input features, monitored by default. */
    public static final List<String> MODEL_FEATURES = List.of("total_leads_droppped", "referred_lead", "city_tier",
            "first_platform_c", "first_utm_medium_c", "first_utm_source_c");
    /** The folder under {@link #outputFolder()} that alerts are written to. */
    public static final String ALERTS_FOLDER = "alerts";

    /** Checks and copies the values. */
    public MonitoringOptions {
        Objects.requireNonNull(servingLog, "servingLog");
        Objects.requireNonNull(referenceDatabase, "referenceDatabase");
        Objects.requireNonNull(outputFolder, "outputFolder");
        batches = Set.copyOf(batches);
        Objects.requireNonNull(modelName, "modelName");
        columns = List.copyOf(columns);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(labelledBatch, "labelledBatch");
        Objects.requireNonNull(retrain, "retrain");
        Objects.requireNonNull(escalate, "escalate");
    }

    /**
     * @param servingLog        the serving log
     * @param referenceDatabase the training database
     * @param outputFolder      where reports go
     * @return a builder with the defaults
     */
    public static Builder builder(Path servingLog, Path referenceDatabase, Path outputFolder) {
        return new Builder(servingLog, referenceDatabase, outputFolder);
    }

    /** @return the seed's bands ([0, 5) none, [5, 10] retrain, (10, 100] escalate) with the case study's targets */
    public static ActionPolicy caseStudyPolicy() {
        return ActionPolicy.parseBands("[0, 5):none; [5, 10]:retrain; (10, 100]:escalate")
                .qualityTargets(QualityTargets.exceeding(CASE_STUDY_TARGETS)).build();
    }

    /** Collects the options; not thread-safe. */
    public static final class Builder {
        private final Path servingLog;
        private final Path referenceDatabase;
        private final Path outputFolder;
        private Set<String> batches = Set.of();
        private String modelName = TrainingOptions.DEFAULT_MODEL_NAME;
        private List<String> columns = MODEL_FEATURES;
        private ActionPolicy policy;
        private Path labelledBatch;
        private Function<PolicyDecision, String> retrain;
        private Consumer<PolicyDecision> escalate = decision -> { };

        private Builder(Path servingLog, Path referenceDatabase, Path outputFolder) {
            this.servingLog = Objects.requireNonNull(servingLog, "servingLog");
            this.referenceDatabase = Objects.requireNonNull(referenceDatabase, "referenceDatabase");
            this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder");
        }

        /** @param ids the batches of the window; empty (the default) for all @return this builder */
        public Builder batches(Set<String> ids) {
            this.batches = Set.copyOf(ids);
            return this;
        }

        /** @param name the monitored model @return this builder */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param names the monitored columns; default {@link #MODEL_FEATURES} @return this builder */
        public Builder columns(List<String> names) {
            this.columns = List.copyOf(names);
            return this;
        }

        /** @param actionPolicy the bands and targets; default {@link #caseStudyPolicy()} @return this builder */
        public Builder policy(ActionPolicy actionPolicy) {
            this.policy = Objects.requireNonNull(actionPolicy, "actionPolicy");
            return this;
        }

        /** @param file raw labelled leads of the window @return this builder */
        public Builder labelledBatch(Path file) {
            this.labelledBatch = Objects.requireNonNull(file, "file");
            return this;
        }

        /** @param pipelines runs the data and training pipelines for a retrain decision @return this builder */
        public Builder retrain(Function<PolicyDecision, String> pipelines) {
            this.retrain = Objects.requireNonNull(pipelines, "pipelines");
            return this;
        }

        /** @param callback told about an escalate decision @return this builder */
        public Builder escalate(Consumer<PolicyDecision> callback) {
            this.escalate = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** @return the options */
        public MonitoringOptions build() {
            return new MonitoringOptions(servingLog, referenceDatabase, outputFolder, batches, modelName, columns,
                    policy != null ? policy : caseStudyPolicy(), Optional.ofNullable(labelledBatch),
                    Optional.ofNullable(retrain), escalate);
        }
    }
}
