package org.mlops4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.mlops4j.core.MlopsException;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.regression.xgboost.XGBoostRegressionConverter;

/**
 * Predicts with a Tribuo {@link XGBoostModel} without two costs of its own {@code predict}, which made a one-row
 * prediction take hundreds of microseconds and serialised concurrent callers:
 * <ul>
 *   <li>Tribuo leaves each prediction's native matrix to the finalizer, and XGBoost 1.6 keeps a prediction-cache
 *       entry per live matrix that every later prediction scans: the cost of a call grew with the calls made since
 *       the last garbage collection. Here the matrix is disposed as soon as the boosters have read it.</li>
 *   <li>Tribuo's boosters predict with several OpenMP threads and under one lock: each call paid a thread team's
 *       start and spin, and concurrent calls queued on the lock. Here a pool holds one single-threaded copy of the
 *       boosters per processor, so as many calls as there are cores predict at once.</li>
 * </ul>
 * The examples are converted by Tribuo's own code ({@link XGBoostMatrices}) and the outputs by Tribuo's converters,
 * so the predictions are Tribuo's, number for number. One instance per model, shared ({@link #of(XGBoostModel)}).
 * Thread-safe.
 *
 * @param <T> the output type
 */
final class XGBoostScoring<T extends Output<T>> {

    private static final Map<XGBoostModel<?>, XGBoostScoring<?>> BY_MODEL =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final XGBoostModel<T> model;
    private final BlockingQueue<List<Booster>> boosters;

    private XGBoostScoring(XGBoostModel<T> model, int copies) {
        this.model = model;
        this.boosters = new ArrayBlockingQueue<>(copies);
        for (int i = 0; i < copies; i++) {
            List<Booster> copy = model.getInnerModels();
            for (Booster booster : copy) {
                setSingleThreaded(booster);
            }
            boosters.add(copy);
        }
    }

    /**
     * @param model a Tribuo XGBoost model
     * @param <T>   the output type
     * @return the model's scoring, created on first use with one booster copy per available processor
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> XGBoostScoring<T> of(XGBoostModel<T> model) {
        return (XGBoostScoring<T>) BY_MODEL.computeIfAbsent(model,
                m -> new XGBoostScoring<>(model, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param examples the rows, in order
     * @param unknown  the placeholder output of unlabelled rows: a {@link Label} for classification, a regressor
     *                 otherwise; it chooses Tribuo's output converter
     * @return one prediction per example, in order
     * @throws IllegalStateException when XGBoost fails on the batch
     */
    List<Prediction<T>> predict(List<Example<T>> examples, T unknown) {
        if (examples.isEmpty()) {
            return List.of();
        }
        try (XGBoostMatrix<T> matrix = XGBoostMatrices.of(examples, model.getFeatureIDMap())) {
            return converter(unknown).convertBatchOutput(model.getOutputIDInfo(), boost(matrix),
                    matrix.numValidFeatures(), matrix.examples());
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost refused the rows: " + e.getMessage(), e);
        }
    }

    private List<float[][]> boost(XGBoostMatrix<T> matrix) {
        List<Booster> copy = take();
        try {
            List<float[][]> outputs = new ArrayList<>(copy.size());
            for (Booster booster : copy) {
                outputs.add(booster.predict(matrix.data()));
            }
            return outputs;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        } finally {
            boosters.add(copy);
        }
    }

    private List<Booster> take() {
        try {
            return boosters.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlopsException("Interrupted while waiting for a free copy of the model's boosters.");
        }
    }

    @SuppressWarnings("unchecked")
    private XGBoostOutputConverter<T> converter(T unknown) {
        return (XGBoostOutputConverter<T>) (unknown instanceof Label ? new XGBoostClassificationConverter()
                : new XGBoostRegressionConverter());
    }

    private static void setSingleThreaded(Booster booster) {
        try {
            booster.setParam("nthread", "1");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost refused nthread=1: " + e.getMessage(), e);
        }
    }
}
