package org.mlops4j.core.tracking.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/** Compares a migration's source and target, as {@link StoreMigration#check()} describes. Not thread-safe. */
final class MigrationCheck {

    private final MigrationEnd source;
    private final MigrationEnd target;
    private final List<MigrationDifference> differences = new ArrayList<>();

    MigrationCheck(MigrationEnd source, MigrationEnd target) {
        this.source = source;
        this.target = target;
    }

    List<MigrationDifference> differences() {
        RunMapping mapping = RunMapping.scan(target.tracking());
        for (Experiment experiment : source.tracking().listExperiments(ViewType.ACTIVE_ONLY)) {
            Optional<Experiment> copy = target.tracking().getExperimentByName(experiment.name());
            String subject = "experiment '" + experiment.name() + "'";
            if (copy.isEmpty()) {
                differ(subject, "it", "no experiment of that name");
                continue;
            }
            compareTags(subject, experiment.tags(), copy.get().tags());
            for (Run run : StoreRuns.of(source.tracking(), experiment.experimentId(), ViewType.ACTIVE_ONLY)) {
                compareRun(run, copy.get(), mapping);
            }
        }
        compareRegistry(mapping);
        return List.copyOf(differences);
    }

    private void compareRun(Run run, Experiment experiment, RunMapping mapping) {
        Optional<Run> found = mapping.copyOf(run.runId());
        String subject = "run " + run.runId();
        if (found.isEmpty()) {
            differ(subject, "the run", "no run tagged " + StoreMigration.MIGRATED_FROM + "=" + run.runId());
            return;
        }
        Run copy = found.get();
        subject += " (target " + copy.runId() + ")";
        RunInfo a = run.info();
        RunInfo b = copy.info();
        same(subject + " experiment", experiment.experimentId(), b.experimentId());
        same(subject + " name", RunCopier.copyName(a), b.runName());
        same(subject + " user", a.userId(), b.userId());
        same(subject + " status", a.status(), b.status());
        same(subject + " start time", a.startTime(), b.startTime());
        if (!EndTimes.agree(a, b)) {
            differ(subject + " end time", String.valueOf(a.endTime()), String.valueOf(b.endTime()));
        }
        same(subject + " lifecycle stage", a.lifecycleStage(), b.lifecycleStage());
        same(subject + " params", run.data().params(), copy.data().params());
        Map<String, String> tags = RunTags.expected(run, mapping);
        same(subject + " tags", tags, RunTags.comparable(copy.data().tags(), tags));
        same(subject + " metric keys", run.data().metrics().keySet(), copy.data().metrics().keySet());
        for (String key : run.data().metrics().keySet()) {
            List<Metric> history = source.tracking().getMetricHistory(run.runId(), key);
            List<Metric> copied = target.tracking().getMetricHistory(copy.runId(), key);
            if (!MetricHistories.same(history, copied)) {
                differ(subject + " metric '" + key + "'", history.size() + " values " + history,
                        copied.size() + " values " + copied);
            }
        }
        same(subject + " artifact files", ArtifactFiles.of(source.tracking(), run.runId()),
                ArtifactFiles.of(target.tracking(), copy.runId()));
    }

    private void compareRegistry(RunMapping mapping) {
        ModelRegistry from = source.registry();
        ModelRegistry to = target.registry();
        for (RegisteredModel model : from.listModels()) {
            String subject = "registered model '" + model.name() + "'";
            Optional<RegisteredModel> copy = to.findModel(model.name());
            if (copy.isEmpty()) {
                differ(subject, "it", "no model of that name");
                continue;
            }
            same(subject + " description", model.description(), copy.get().description());
            compareTags(subject, model.tags(), copy.get().tags());
            Map<Integer, Integer> numbers = new RegistryCopier(from, to, new MigrationTally())
                    .copiedVersions(model.name());
            Map<String, Integer> aliases = new HashMap<>();
            Map<Integer, ModelVersion> versions = new TreeMap<>();
            from.listVersions(model.name()).forEach(v -> versions.put(v.version(), v));
            model.aliases().forEach((alias, v) -> {
                if (versions.containsKey(v) && VersionSources.copyable(versions.get(v))) {
                    aliases.put(alias, numbers.getOrDefault(v, -v));
                }
            });
            same(subject + " aliases", new TreeMap<>(aliases), copy.get().aliases());
            for (ModelVersion version : versions.values()) {
                if (!VersionSources.copyable(version)) {
                    continue;
                }
                Integer number = numbers.get(version.version());
                if (number == null) {
                    differ(subject + " version " + version.version(), "the version",
                            "no version tagged " + StoreMigration.MIGRATED_FROM + "=" + version.version());
                    continue;
                }
                compareVersion(version, to.getVersion(model.name(), number), mapping);
            }
        }
    }

    private void compareVersion(ModelVersion version, ModelVersion copy, RunMapping mapping) {
        String subject = "model '" + version.name() + "' version " + version.version() + " (target version "
                + copy.version() + ")";
        VersionSources.Translated expected = VersionSources.translate(version, source.tracking(), target.tracking(),
                mapping);
        same(subject + " source", expected.source(), copy.source());
        same(subject + " run id", expected.runId(), copy.runId());
        same(subject + " stage", version.stage(), copy.stage());
        same(subject + " description", version.description(), copy.description());
        same(subject + " input schema", version.inputSchema().map(s -> s.toJson()),
                copy.inputSchema().map(s -> s.toJson()));
        Map<String, String> tags = new TreeMap<>(copy.tags());
        tags.remove(StoreMigration.MIGRATED_FROM);
        same(subject + " tags", version.tags(), tags);
    }

    private void compareTags(String subject, Map<String, String> expected, Map<String, String> found) {
        same(subject + " tags", expected, found);
    }

    private void same(String subject, Object expected, Object found) {
        if (!Objects.equals(expected, found)) {
            differ(subject, String.valueOf(expected), String.valueOf(found));
        }
    }

    private void differ(String subject, String expected, String found) {
        differences.add(new MigrationDifference(subject, expected, found));
    }
}
