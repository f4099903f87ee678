package org.mlops4j.tracking.migration;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.migration.MigrationEnd;

/**
 * A source store filled through the tracking API with what a migration must carry: nested runs, metric histories with
 * repeated steps and NaN, params, tags, artifacts in folders, statuses, a running run, a deleted run, a deleted
 * experiment, and a registry with versions from runs, stages, aliases, descriptions and tags.
 */
final class MigrationStores {

    /** Active runs in {@link #fill}: a parent, three children and one still running. */
    static final int ACTIVE_RUNS = 5;
    /** Runs not copied: one deleted run, one run in a deleted experiment. */
    static final int DELETED_RUNS = 2;

    private MigrationStores() {
    }

    static MigrationEnd open(URI location, StoreAccess access) {
        return MigrationEnd.open(Mlops.builder().build(), location, access);
    }

    /**
     * @param end the store to fill (read and write)
     * @param runs how many extra child runs to add beyond the fixed ones
     * @return the parent run's id
     */
    static String fill(MigrationEnd end, int runs) {
        TrackingStore store = end.tracking();
        Experiment leads = store.createExperiment("leads", Map.of("team", "growth"));
        RunInfo parent = store.createRun(leads.experimentId(), "setup", "ana", 1_700_000_000_000L, List.of());
        store.logBatch(parent.runId(), List.of(), List.of(new Param("session_id", "123")),
                List.of(new RunTag("Source", "pycaret")));
        store.updateRun(parent.runId(), RunStatus.FINISHED, OptionalLong.of(1_700_000_100_000L));
        String[] models = {"Logistic Regression", "Random Forest", "Gradient Boosting"};
        String first = null;
        for (int i = 0; i < models.length + runs; i++) {
            String name = i < models.length ? models[i] : "candidate " + i;
            RunInfo child = store.createRun(leads.experimentId(), name, "ana", 1_700_000_001_000L + i,
                    List.of(new RunTag(SystemTags.PARENT_RUN_ID, parent.runId())));
            store.logBatch(child.runId(), List.of(new Metric("auc", 0.7, 1_700_000_002_000L, 0),
                            new Metric("auc", 0.7, 1_700_000_002_000L, 0), new Metric("auc", 0.75, 1_700_000_003_000L, 0),
                            new Metric("auc", 0.8 + i / 1000.0, 1_700_000_004_000L, 1),
                            new Metric("loss", Double.NaN, 1_700_000_004_000L, 1)),
                    List.of(new Param("model", name), new Param("fold", "5")), List.of(new RunTag("i", "" + i)));
            store.writeArtifact(child.runId(), "model/model.bin", bytes("weights of " + name));
            store.writeArtifact(child.runId(), "notes.txt", bytes("n"));
            store.updateRun(child.runId(), i == 1 ? RunStatus.FAILED : RunStatus.FINISHED,
                    OptionalLong.of(1_700_000_050_000L + i));
            first = first == null ? child.runId() : first;
        }
        store.createRun(leads.experimentId(), "still running", "bo", 1_700_000_060_000L, List.of());
        RunInfo gone = store.createRun(leads.experimentId(), "deleted", "bo", 1_700_000_070_000L, List.of());
        store.deleteRun(gone.runId());
        Experiment old = store.createExperiment("old", Map.of());
        store.createRun(old.experimentId(), "in a deleted experiment", "bo", 1_700_000_080_000L, List.of());
        store.deleteExperiment(old.experimentId());

        ModelRegistry registry = end.registry();
        registry.createModel("lead-scoring", "scores leads", Map.of("task", "classification"));
        registry.createVersion(NewModelVersion.builder("lead-scoring", "runs:/" + first + "/model").build());
        registry.createVersion(NewModelVersion.builder("lead-scoring", "runs:/" + first + "/model")
                .description("the second").tag("validated", "yes").build());
        registry.createVersion(NewModelVersion.builder("lead-scoring", "s3://bucket/elsewhere/model").build());
        registry.transitionStage("lead-scoring", 2, ModelStage.PRODUCTION, false);
        registry.transitionStage("lead-scoring", 1, ModelStage.ARCHIVED, false);
        registry.setAlias("lead-scoring", "champion", 2);
        registry.setAlias("lead-scoring", "baseline", 3);
        return parent.runId();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
