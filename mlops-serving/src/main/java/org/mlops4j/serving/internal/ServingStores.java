package org.mlops4j.serving.internal;

import java.util.Objects;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking store and registry that serving reads models from: opened read-only from an {@link Mlops} (and closed
 * here), or lent by the caller (and left open).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ServingStores implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServingStores.class);

    private final TrackingClient tracking;
    private final ModelRegistry registry;
    private final boolean owned;

    private ServingStores(TrackingClient tracking, ModelRegistry registry, boolean owned) {
        this.tracking = tracking;
        this.registry = registry;
        this.owned = owned;
    }

    /**
     * @param mlops where the stores are
     * @return them, open to read only; closing closes them
     */
    public static ServingStores open(Mlops mlops) {
        TrackingClient tracking = TrackingClient.openReadOnly(mlops, mlops.trackingUri());
        try {
            return new ServingStores(tracking, mlops.openModelRegistryReadOnly(), true);
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
    }

    /**
     * @param tracking the caller's tracking client
     * @param registry the caller's registry
     * @return them; closing leaves them open
     */
    public static ServingStores lent(TrackingClient tracking, ModelRegistry registry) {
        return new ServingStores(Objects.requireNonNull(tracking, "tracking"),
                Objects.requireNonNull(registry, "registry"), false);
    }

    /** @return where model artifacts are */
    public TrackingClient tracking() {
        return tracking;
    }

    /** @return where models are registered */
    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            registry.close();
        } catch (Exception e) {
            LOG.warn("Closing the model registry {} failed: {}", registry.location(), e.toString());
        } finally {
            tracking.close();
        }
    }
}
