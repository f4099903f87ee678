package org.mlops4j.core.tracking.readonly;

import java.util.Map;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/**
 * A model registry that refuses every change: each write method throws the exception {@link #refused(String)} makes
 * from a phrase naming the change ("rename model 'churn'"). A subclass gives the reads and says why changes are
 * refused: {@link ReadOnlyModelRegistry} (opened to read), or a registry over a format that mlops4j reads but does
 * not write. One list of refusals for all of them.
 */
public abstract class WritesRefusedModelRegistry implements ModelRegistry {

    /** For subclasses. */
    protected WritesRefusedModelRegistry() {
    }

    /**
     * @param what the refused change, as a phrase after "Cannot", such as {@code delete model 'churn'}
     * @return the exception to throw, naming the registry, the change and what to do instead
     */
    protected abstract ModelRegistryException refused(String what);

    @Override
    public final RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        throw refused("create model '" + name + "'");
    }

    @Override
    public final ModelVersion register(NewModelVersion version) {
        throw refused("register a version of model '" + version.name() + "'");
    }

    @Override
    public final RegisteredModel renameModel(String name, String newName) {
        throw refused("rename model '" + name + "'");
    }

    @Override
    public final void deleteModel(String name) {
        throw refused("delete model '" + name + "'");
    }

    @Override
    public final RegisteredModel updateModelDescription(String name, String description) {
        throw refused("change the description of model '" + name + "'");
    }

    @Override
    public final RegisteredModel setModelTag(String name, String key, String value) {
        throw refused("set tag '" + key + "' of model '" + name + "'");
    }

    @Override
    public final RegisteredModel deleteModelTag(String name, String key) {
        throw refused("delete tag '" + key + "' of model '" + name + "'");
    }

    @Override
    public final ModelVersion createVersion(NewModelVersion version) {
        throw refused("register a version of model '" + version.name() + "'");
    }

    @Override
    public final ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        throw refused("move version " + version + " of model '" + name + "' to stage " + stage.displayName());
    }

    @Override
    public final ModelVersion updateVersionDescription(String name, int version, String description) {
        throw refused("change the description of version " + version + " of model '" + name + "'");
    }

    @Override
    public final ModelVersion setVersionTag(String name, int version, String key, String value) {
        throw refused("set tag '" + key + "' of version " + version + " of model '" + name + "'");
    }

    @Override
    public final ModelVersion deleteVersionTag(String name, int version, String key) {
        throw refused("delete tag '" + key + "' of version " + version + " of model '" + name + "'");
    }

    @Override
    public final void deleteVersion(String name, int version) {
        throw refused("delete version " + version + " of model '" + name + "'");
    }

    @Override
    public final ModelVersion setAlias(String name, String alias, int version) {
        throw refused("point alias '" + alias + "' of model '" + name + "' at version " + version);
    }

    @Override
    public final void deleteAlias(String name, String alias) {
        throw refused("delete alias '" + alias + "' of model '" + name + "'");
    }
}
