package org.mlops4j.models.internal.bayes;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.protos.ParametersProto;
import org.tribuo.math.protos.TensorProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A Gaussian naive Bayes model (see {@link GaussianNaiveBayesTrainer}): the class probabilities are the softmax of
 * each class's joint log-likelihood, {@code log prior - 0.5 * sum(log(2 pi var)) - 0.5 * sum((x - mean)^2 / var)}, as
 * scikit-learn's {@code predict_proba}. Saved in Tribuo's protobuf format: the metadata and a matrix with a row per
 * class (the means, the variances, the log prior), in the message Tribuo's linear classifiers use.
 */
public final class GaussianNaiveBayesModel extends Model<Label> {

    private static final long serialVersionUID = 1L;
    /** The version of the saved form. */
    public static final int CURRENT_VERSION = 0;

    private final double[] logPriors;
    private final double[][] means;
    private final double[][] variances;
    private final double[] logNormalisers;

    GaussianNaiveBayesModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs, double[] logPriors, double[][] means, double[][] variances) {
        super(name, provenance, features, outputs, true);
        this.logPriors = logPriors;
        this.means = means;
        this.variances = variances;
        this.logNormalisers = new double[logPriors.length];
        for (int c = 0; c < logPriors.length; c++) {
            double sum = 0;
            for (double v : variances[c]) {
                sum += Math.log(2.0 * Math.PI * v);
            }
            logNormalisers[c] = -0.5 * sum;
        }
    }

    /** @return per class (by output id), per feature (by feature id), the mean */
    public double[][] means() {
        return copy(means);
    }

    /** @return per class, per feature, the variance with the smoothing added */
    public double[][] variances() {
        return copy(variances);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] x = new double[featureIDMap.size()];
        int used = 0;
        for (Feature f : example) {
            int j = featureIDMap.getID(f.getName());
            if (j >= 0) {
                x[j] = f.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("The example has no feature this model knows: " + example);
        }
        int classes = logPriors.length;
        double[] joint = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double squares = 0;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - means[c][j];
                squares += d * d / variances[c][j];
            }
            joint[c] = logPriors[c] + logNormalisers[c] - 0.5 * squares;
            max = Math.max(max, joint[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(joint[c] - max);
        }
        double logSum = max + Math.log(sum);
        Map<String, Label> scores = new LinkedHashMap<>();
        Label best = null;
        for (int c = 0; c < classes; c++) {
            Label label = new Label(outputIDInfo.getOutput(c).getLabel(), Math.exp(joint[c] - logSum));
            scores.put(label.getLabel(), label);
            if (best == null || label.getScore() > best.getScore()) {
                best = label;
            }
        }
        return new Prediction<>(best, scores, used, example, true);
    }

    /** @return per class, the features whose means differ most between this class and the others' mean, by z-score */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        Map<String, List<Pair<String, Double>>> out = new LinkedHashMap<>();
        int limit = n < 0 ? featureIDMap.size() : n;
        for (int c = 0; c < logPriors.length; c++) {
            List<Pair<String, Double>> list = new ArrayList<>();
            for (int j = 0; j < featureIDMap.size(); j++) {
                list.add(new Pair<>(featureIDMap.get(j).getName(), means[c][j] / Math.sqrt(variances[c][j])));
            }
            list.sort(Comparator.comparingDouble((Pair<String, Double> p) -> Math.abs(p.getB())).reversed());
            out.put(outputIDInfo.getOutput(c).getLabel(), List.copyOf(list.subList(0, Math.min(limit,
                    list.size()))));
        }
        return out;
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new GaussianNaiveBayesModel(newName, newProvenance, featureIDMap, outputIDInfo, logPriors.clone(),
                copy(means), copy(variances));
    }

    @Override
    public ModelProto serialize() {
        int classes = logPriors.length;
        int width = featureIDMap.size();
        double[][] rows = new double[classes][2 * width + 1];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(means[c], 0, rows[c], 0, width);
            System.arraycopy(variances[c], 0, rows[c], width, width);
            rows[c][2 * width] = logPriors[c];
        }
        ParametersProto params = ParametersProto.newBuilder().setVersion(CURRENT_VERSION)
                .setClassName(GaussianNaiveBayesModel.class.getName())
                .setSerializedData(Any.pack(DenseMatrix.createDenseMatrix(rows).serialize())).build();
        ClassificationLinearSGDProto data = ClassificationLinearSGDProto.newBuilder()
                .setMetadata(createDataCarrier().serialize()).setParams(params).build();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(GaussianNaiveBayesModel.class.getName())
                .setSerializedData(Any.pack(data)).build();
    }

    /**
     * Reads a model saved by {@link #serialize()}; Tribuo's {@code Model.deserialize} calls it by name.
     *
     * @param version   the saved form's version
     * @param className this class's name
     * @param message   the saved data
     * @return the model
     * @throws InvalidProtocolBufferException when the data is not such a model
     */
    @SuppressWarnings("unchecked")
    public static GaussianNaiveBayesModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + " of a saved Gaussian naive Bayes "
                    + "model; this mlops4j reads up to " + CURRENT_VERSION);
        }
        ClassificationLinearSGDProto data = message.unpack(ClassificationLinearSGDProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(data.getMetadata());
        TensorProto tensor = data.getParams().getSerializedData().unpack(TensorProto.class);
        DenseMatrix matrix = DenseMatrix.deserializeFromProto(tensor.getVersion(), tensor.getClassName(),
                tensor.getSerializedData());
        int classes = matrix.getDimension1Size();
        int width = carrier.featureDomain().size();
        if (matrix.getDimension2Size() != 2 * width + 1 || classes != carrier.outputDomain().size()) {
            throw new IllegalStateException("A saved Gaussian naive Bayes model has a " + classes + " x "
                    + matrix.getDimension2Size() + " parameter matrix; expected " + carrier.outputDomain().size()
                    + " x " + (2 * width + 1));
        }
        double[] logPriors = new double[classes];
        double[][] means = new double[classes][width];
        double[][] variances = new double[classes][width];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < width; j++) {
                means[c][j] = matrix.get(c, j);
                variances[c][j] = matrix.get(c, width + j);
            }
            logPriors[c] = matrix.get(c, 2 * width);
        }
        return new GaussianNaiveBayesModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                (ImmutableOutputInfo<Label>) carrier.outputDomain(), logPriors, means, variances);
    }

    private static double[][] copy(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i].clone();
        }
        return out;
    }
}
