package org.mlops4j.core.tracking.migration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Copies the registry: models (description, tags) first, before any run, so that a target registry that refuses
 * writes stops the migration before runs are copied; versions, stages and aliases after the runs, with each version's
 * run id and source pointing at the run's copy. A target version is tagged {@link StoreMigration#MIGRATED_FROM} with
 * the source version's number, which finds it again when the migration is repeated; numbers are the target's own (the
 * same as the source's unless the source deleted versions). Not thread-safe.
 */
final class RegistryCopier {

    private final ModelRegistry source;
    private final ModelRegistry target;
    private final MigrationTally tally;

    RegistryCopier(ModelRegistry source, ModelRegistry target, MigrationTally tally) {
        this.source = source;
        this.target = target;
        this.tally = tally;
    }

    /** Creates the models the target lacks, and sets their descriptions and tags. */
    void copyModels() {
        for (RegisteredModel model : source.listModels()) {
            refusable("create or update registered model '" + model.name() + "'", () -> copyModel(model));
        }
    }

    private void copyModel(RegisteredModel model) {
        Optional<RegisteredModel> existing = target.findModel(model.name());
        if (existing.isEmpty()) {
            target.createModel(model.name(), model.description(), model.tags());
            tally.modelsCreated++;
            return;
        }
        if (!existing.get().description().equals(model.description())) {
            target.updateModelDescription(model.name(), model.description());
            tally.registryChanges++;
        }
        model.tags().forEach((key, value) -> {
            if (!value.equals(existing.get().tags().get(key))) {
                target.setModelTag(model.name(), key, value);
                tally.registryChanges++;
            }
        });
    }

    /**
     * Registers the versions the target lacks, then sets stages, descriptions, tags and aliases where they differ.
     *
     * @param sourceRuns the source store, to read a version's run
     * @param targetRuns the target store, to read the run's copy
     * @param mapping    the run copies
     */
    void copyVersions(TrackingStore sourceRuns, TrackingStore targetRuns, RunMapping mapping) {
        for (RegisteredModel model : source.listModels()) {
            refusable("copy the versions of registered model '" + model.name() + "'",
                    () -> copyVersions(model, sourceRuns, targetRuns, mapping));
        }
    }

    private void copyVersions(RegisteredModel model, TrackingStore sourceRuns, TrackingStore targetRuns,
                              RunMapping mapping) {
        Map<Integer, Integer> numbers = copiedVersions(model.name());
        for (ModelVersion version : source.listVersions(model.name())) {
            if (!VersionSources.copyable(version)) {
                tally.versionsSkipped++;
                continue;
            }
            Integer number = numbers.get(version.version());
            ModelVersion copy = number != null ? target.getVersion(model.name(), number)
                    : register(version, VersionSources.translate(version, sourceRuns, targetRuns, mapping));
            numbers.put(version.version(), copy.version());
            reconcile(version, copy);
        }
        RegisteredModel copyModel = target.getModel(model.name());
        model.aliases().forEach((alias, version) -> {
            Integer number = numbers.get(version);
            if (number != null && !number.equals(copyModel.aliases().get(alias))) {
                target.setAlias(model.name(), alias, number);
                tally.registryChanges++;
            }
        });
    }

    /** @return source version number to target version number, for the versions copied before */
    Map<Integer, Integer> copiedVersions(String name) {
        Map<Integer, Integer> numbers = new HashMap<>();
        if (target.findModel(name).isPresent()) {
            for (ModelVersion copy : target.listVersions(name)) {
                String from = copy.tags().get(StoreMigration.MIGRATED_FROM);
                if (from != null && from.matches("\\d{1,9}")) {
                    numbers.put(Integer.parseInt(from), copy.version());
                }
            }
        }
        return numbers;
    }

    private ModelVersion register(ModelVersion version, VersionSources.Translated where) {
        NewModelVersion.Builder copy = NewModelVersion.builder(version.name(), where.source())
                .description(version.description()).tags(version.tags())
                .tag(StoreMigration.MIGRATED_FROM, Integer.toString(version.version()));
        where.runId().ifPresent(copy::runId);
        version.inputSchema().ifPresent(copy::inputSchema);
        tally.versionsCopied++;
        return target.createVersion(copy.build());
    }

    private void reconcile(ModelVersion version, ModelVersion copy) {
        if (version.stage() != copy.stage()) {
            target.transitionStage(copy.name(), copy.version(), version.stage(), false);
            tally.registryChanges++;
        }
        if (!version.description().equals(copy.description())) {
            target.updateVersionDescription(copy.name(), copy.version(), version.description());
            tally.registryChanges++;
        }
        version.tags().forEach((key, value) -> {
            if (!value.equals(copy.tags().get(key))) {
                target.setVersionTag(copy.name(), copy.version(), key, value);
                tally.registryChanges++;
            }
        });
    }

    private void refusable(String what, Runnable write) {
        try {
            write.run();
        } catch (MlopsException e) {
            throw new MigrationRefusedException("The target registry " + target.location() + " refused to " + what
                    + ": " + e.getMessage(), e);
        }
    }
}
