package org.mlops4j.tracking.mlflow;

import java.nio.file.Path;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;

/**
 * One experiment folder of MLflow's file store, read as {@code FileStore._get_experiment} reads it: {@code meta.yaml}
 * with {@code experiment_id} (text, or an integer from old versions, {@code _read_persisted_experiment_dict}),
 * {@code name}, {@code artifact_location}, {@code lifecycle_stage} (active when missing), and from MLflow 2.x
 * {@code creation_time} and {@code last_update_time} (0 when missing); tags in {@code tags/}, one file per key. An
 * experiment whose recorded id is not its folder's name is malformed (MLflow warns and ignores it). Experiment 0 keeps
 * the name it has: MLflow lets it be renamed.
 */
final class MlflowExperimentFolder {

    private MlflowExperimentFolder() {
    }

    /**
     * @param folder the experiment's folder
     * @return the experiment
     * @throws MalformedFolderException when the folder is not an experiment
     */
    static Experiment read(Path folder) {
        MetaYaml meta = MetaYaml.of(folder);
        String id = meta.required("experiment_id");
        if (!id.equals(folder.getFileName().toString())) {
            throw new MalformedFolderException(folder, "meta.yaml records experiment id '" + id + "', not the"
                    + " folder's name");
        }
        String stage = meta.text("lifecycle_stage").orElse(LifecycleStage.ACTIVE.storedName());
        LifecycleStage lifecycleStage;
        try {
            lifecycleStage = LifecycleStage.fromStoredName(stage);
        } catch (IllegalArgumentException e) {
            throw new MalformedFolderException(folder, "meta.yaml has lifecycle_stage '" + stage + "'; expected"
                    + " active or deleted");
        }
        long created = meta.millis("creation_time").orElse(0);
        return new Experiment(id, meta.required("name"), meta.text("artifact_location").orElse(""),
                lifecycleStage, KeyedFiles.read(folder.resolve("tags")), created,
                meta.millis("last_update_time").orElse(created));
    }
}
