package org.mlops4j.models.internal.linear;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.util.ExpNormalizer;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.protos.RegressionLinearSGDProto;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Turns a weight matrix into a genuine Tribuo {@link LinearSGDModel} with the semantics of Tribuo's
 * {@code LogMulticlass} objective: one row per class (by output id), the last column the bias, class probabilities the
 * softmax of the rows' scores. {@code LinearSGDModel}'s constructor is package-private in Tribuo 4.3.2; it is found
 * once through reflection ({@link #viaConstructor}). The public route, kept and used whenever the constructor is not
 * reachable, writes the model as the protobuf Tribuo itself reads ({@link ClassificationLinearSGDProto}) and builds it
 * with {@link LinearSGDModel#deserializeFromProto} ({@link #viaProtobuf}); a test checks both give equal models.
 *
 * <p>The same for Tribuo's regression {@link org.tribuo.regression.sgd.linear.LinearSGDModel}: one row of weights per
 * output dimension (by output id), the bias last, the prediction the rows' scores ({@link #regression}, through its
 * package-private constructor or {@link RegressionLinearSGDProto}).
 */
final class TribuoLinearModels {

    /** The name Tribuo's own {@code LinearSGDTrainer} gives its models. */
    static final String MODEL_NAME = "linear-sgd-model";

    /** LinearSGDModel(String, ModelProvenance, ImmutableFeatureMap, ImmutableOutputInfo, LinearParameters,
     * VectorNormalizer, boolean), if reachable. */
    private static final MethodHandle CONSTRUCTOR = findConstructor();

    /** The regression LinearSGDModel(String, String[], ModelProvenance, ImmutableFeatureMap, ImmutableOutputInfo,
     * LinearParameters), if reachable. */
    private static final MethodHandle REGRESSION_CONSTRUCTOR = findRegressionConstructor();

    private TribuoLinearModels() {
    }

    private static MethodHandle findRegressionConstructor() {
        try {
            Constructor<org.tribuo.regression.sgd.linear.LinearSGDModel> constructor =
                    org.tribuo.regression.sgd.linear.LinearSGDModel.class.getDeclaredConstructor(String.class,
                            String[].class, ModelProvenance.class, ImmutableFeatureMap.class,
                            ImmutableOutputInfo.class, LinearParameters.class);
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    output dimensions x (features + 1) weights by output id, the bias last
     * @return the Tribuo regression model
     */
    static org.tribuo.regression.sgd.linear.LinearSGDModel regression(ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<Regressor> outputs, double[][] weights) {
        return REGRESSION_CONSTRUCTOR != null ? regressionViaConstructor(provenance, features, outputs, weights)
                : regressionViaProtobuf(provenance, features, outputs, weights);
    }

    /**
     * The fast route: the regression {@code LinearSGDModel}'s package-private constructor.
     *
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    output dimensions x (features + 1) weights by output id, the bias last
     * @return the Tribuo regression model
     * @throws IllegalStateException when the constructor is not reachable
     */
    static org.tribuo.regression.sgd.linear.LinearSGDModel regressionViaConstructor(ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<Regressor> outputs, double[][] weights) {
        if (REGRESSION_CONSTRUCTOR == null) {
            throw new IllegalStateException("The regression LinearSGDModel's constructor is not reachable here");
        }
        try {
            return (org.tribuo.regression.sgd.linear.LinearSGDModel) REGRESSION_CONSTRUCTOR.invoke(MODEL_NAME,
                    dimensionNames(outputs), provenance, features, outputs,
                    new LinearParameters(DenseMatrix.createDenseMatrix(weights)));
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot construct a Tribuo regression LinearSGDModel: " + e, e);
        }
    }

    /**
     * The public route: the regression model written as Tribuo's protobuf and read back.
     *
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    output dimensions x (features + 1) weights by output id, the bias last
     * @return the Tribuo regression model
     */
    static org.tribuo.regression.sgd.linear.LinearSGDModel regressionViaProtobuf(ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<Regressor> outputs, double[][] weights) {
        RegressionLinearSGDProto.Builder proto = RegressionLinearSGDProto.newBuilder()
                .setMetadata(new ModelDataCarrier<>(MODEL_NAME, provenance, features, outputs, false, Tribuo.VERSION)
                        .serialize())
                .setParams(new LinearParameters(DenseMatrix.createDenseMatrix(weights)).serialize());
        for (String name : dimensionNames(outputs)) {
            proto.addDimensionNames(name);
        }
        try {
            return org.tribuo.regression.sgd.linear.LinearSGDModel.deserializeFromProto(
                    org.tribuo.regression.sgd.linear.LinearSGDModel.CURRENT_VERSION,
                    org.tribuo.regression.sgd.linear.LinearSGDModel.class.getName(), Any.pack(proto.build()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo rejected a linear regression model written in its own format: "
                    + e, e);
        }
    }

    /** The dimension names by output id, as Tribuo's regression {@code LinearSGDTrainer} lists them. */
    static String[] dimensionNames(ImmutableOutputInfo<Regressor> outputs) {
        String[] names = new String[outputs.size()];
        for (Regressor dimension : outputs.getDomain()) {
            names[outputs.getID(dimension)] = dimension.getNames()[0];
        }
        return names;
    }

    private static MethodHandle findConstructor() {
        try {
            Constructor<LinearSGDModel> constructor = LinearSGDModel.class.getDeclaredConstructor(String.class,
                    ModelProvenance.class, ImmutableFeatureMap.class, ImmutableOutputInfo.class,
                    LinearParameters.class, VectorNormalizer.class, boolean.class);
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    classes x (features + 1) weights, the bias last
     * @return the Tribuo model
     */
    static LinearSGDModel model(ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs, double[][] weights) {
        return CONSTRUCTOR != null ? viaConstructor(provenance, features, outputs, weights)
                : viaProtobuf(provenance, features, outputs, weights);
    }

    /**
     * The fast route: {@code LinearSGDModel}'s package-private constructor.
     *
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    classes x (features + 1) weights, the bias last
     * @return the Tribuo model
     * @throws IllegalStateException when the constructor is not reachable
     */
    static LinearSGDModel viaConstructor(ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs, double[][] weights) {
        if (CONSTRUCTOR == null) {
            throw new IllegalStateException("LinearSGDModel's constructor is not reachable here");
        }
        try {
            return (LinearSGDModel) CONSTRUCTOR.invoke(MODEL_NAME, provenance, features, outputs,
                    new LinearParameters(DenseMatrix.createDenseMatrix(weights)), new ExpNormalizer(), true);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot construct a Tribuo LinearSGDModel: " + e, e);
        }
    }

    /**
     * The public route: the model written as Tribuo's protobuf and read back.
     *
     * @param provenance the model's provenance
     * @param features   the feature domain
     * @param outputs    the output domain
     * @param weights    classes x (features + 1) weights, the bias last
     * @return the Tribuo model
     */
    static LinearSGDModel viaProtobuf(ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs, double[][] weights) {
        ClassificationLinearSGDProto proto = ClassificationLinearSGDProto.newBuilder()
                .setMetadata(new ModelDataCarrier<>(MODEL_NAME, provenance, features, outputs, true, Tribuo.VERSION)
                        .serialize())
                .setParams(new LinearParameters(DenseMatrix.createDenseMatrix(weights)).serialize())
                .setNormalizer(new ExpNormalizer().serialize())
                .build();
        try {
            return LinearSGDModel.deserializeFromProto(LinearSGDModel.CURRENT_VERSION, LinearSGDModel.class.getName(),
                    Any.pack(proto));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo rejected a linear model written in its own format: " + e, e);
        }
    }
}
