package org.mlops4j.serving.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.data.Schema;
import org.mlops4j.models.Predictor;
import org.mlops4j.models.ScoringModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded model version, ready to score: the model, its input schema and the version it is.
 *
 * <p>A version that stops serving is {@link #retire() retired}: a model that holds native memory (an ONNX Runtime
 * session) is closed once the last request scoring with it {@link #exit() exits}, and no request {@link #enter()
 * enters} it after that.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe (a
 * {@link Predictor} is).
 */
public final class ServedModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);
    /** The bit of {@link #state} that says the version is retired; the bits below count the requests inside. */
    private static final int RETIRED = 1 << 30;

    private final LoadedVersion version;
    private final ScoringModel model;
    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Predictor predictor;
    private final Schema inputSchema;

    /**
     * @param version which version this is
     * @param model   the loaded model (a Tribuo TrainedModel, an ONNX model, ...)
     */
    public ServedModel(LoadedVersion version, ScoringModel model) {
        this.version = Objects.requireNonNull(version, "version");
        this.model = Objects.requireNonNull(model, "model");
        this.predictor = model.predictor();
        this.inputSchema = model.inputSchema();
    }

    /** @return which version this is */
    public LoadedVersion version() {
        return version;
    }

    /** @return the loaded model, of any flavor */
    public ScoringModel model() {
        return model;
    }

    /** @return scores tables with the model */
    public Predictor predictor() {
        return predictor;
    }

    /** @return the model's input columns and types */
    public Schema inputSchema() {
        return inputSchema;
    }

    /** @return the model's input column names, in its order */
    public List<String> inputColumns() {
        return inputSchema.columnNames();
    }

    /** @return when it was loaded */
    public Instant loadedAt() {
        return version.loadedAt();
    }

    /**
     * Takes the model for one request; each {@code true} must be followed by one {@link #exit()}.
     *
     * @return {@code true} when the request may score with it; {@code false} when it is retired (take the version
     *         serving now instead)
     */
    public boolean enter() {
        while (true) {
            int now = state.get();
            if ((now & RETIRED) != 0) {
                return false;
            }
            if (state.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives the model back after a request; the last request out of a retired version closes it. */
    public void exit() {
        if (state.decrementAndGet() == RETIRED) {
            close();
        }
    }

    /** Stops taking requests: the model is closed now if none is inside, else when the last one exits. */
    public void retire() {
        if ((state.getAndUpdate(now -> now | RETIRED) | RETIRED) == RETIRED) {
            close();
        }
    }

    /** @return whether the model was closed (after {@link #retire()}, once no request was inside) */
    public boolean closed() {
        return closed.get();
    }

    private void close() {
        if (closed.compareAndSet(false, true) && model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing {} version {} failed", version.name(), version.version(), e);
            }
        }
    }
}
