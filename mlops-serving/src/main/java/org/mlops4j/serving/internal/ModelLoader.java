package org.mlops4j.serving.internal;

import java.time.Clock;
import java.util.Objects;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelUri;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ScoringModel;

/**
 * Finds the version a models URI names now and loads it: the URI is resolved once, and that exact version
 * ({@code models:/name/N}) is loaded, so that an alias moving meanwhile cannot mix two versions.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * registry and the tracking client are.
 */
public final class ModelLoader {

    private final ModelUri uri;
    private final ModelRegistry registry;
    private final ModelTracking models;
    private final Clock clock;

    /**
     * @param uri      the models URI to follow
     * @param registry where it is resolved
     * @param tracking where the versions' artifacts are
     * @param clock    stamps each load
     */
    public ModelLoader(ModelUri uri, ModelRegistry registry, TrackingClient tracking, Clock clock) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.models = ModelTracking.of(tracking, registry);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the URI this loader follows */
    public ModelUri uri() {
        return uri;
    }

    /**
     * @return the version the URI names now
     * @throws MlopsException when it names none (a {@code ModelNotFoundException})
     */
    public ModelVersion resolve() {
        return registry.resolve(uri);
    }

    /**
     * @param version a version, from {@link #resolve()}
     * @return it, loaded
     * @throws MlopsException when its artifacts cannot be read as a model
     */
    public ServedModel load(ModelVersion version) {
        ScoringModel model = models.loadModel(ModelUri.PREFIX + version.name() + "/" + version.version());
        return new ServedModel(new LoadedVersion(version.name(), version.version(), uri.toString(), clock.instant()),
                model);
    }
}
