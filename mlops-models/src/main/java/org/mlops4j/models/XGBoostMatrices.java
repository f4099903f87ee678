package org.mlops4j.models;

import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.common.xgboost.XGBoostTrainer;

/**
 * Tribuo's own conversion of examples into an XGBoost matrix, reached as its subclass because Tribuo keeps it
 * protected. {@link XGBoostScoring} needs the matrix itself to free it, which Tribuo's {@code XGBoostModel.predict} creates
 * and never frees; through this class the features are laid out exactly as Tribuo lays them out for training and
 * prediction. Never instantiated.
 *
 * @param <T> unused; the type parameter only satisfies the superclass
 */
abstract class XGBoostMatrices<T extends Output<T>> extends XGBoostTrainer<T> {

    private XGBoostMatrices() {
        super(1);
    }

    /**
     * @param examples the rows to predict
     * @param features the model's feature map
     * @param <O>      the output type
     * @return the native matrix (the caller closes it), each row's count of known features and the examples
     * @throws XGBoostError when XGBoost refuses the matrix
     */
    static <O extends Output<O>> XGBoostMatrix<O> of(Iterable<Example<O>> examples, ImmutableFeatureMap features)
            throws XGBoostError {
        DMatrixTuple<O> tuple = convertExamples(examples, features);
        return new XGBoostMatrix<>(tuple.data, tuple.numValidFeatures, tuple.examples);
    }
}
