package org.mlops4j.models;

import ml.dmlc.xgboost4j.java.DMatrix;
import org.tribuo.Example;
import org.tribuo.Output;

/**
 * Rows converted for XGBoost by Tribuo's code ({@link XGBoostMatrices}); closing frees the native matrix at once
 * instead of leaving it to the finalizer.
 *
 * @param data             the native matrix
 * @param numValidFeatures per row, how many of its features the model knows
 * @param examples         the rows, in order
 * @param <T>              the output type
 */
record XGBoostMatrix<T extends Output<T>>(DMatrix data, int[] numValidFeatures, Example<T>[] examples)
        implements AutoCloseable {

    /** Frees the native matrix. */
    @Override
    public void close() {
        data.dispose();
    }
}
