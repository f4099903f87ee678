package org.mlops4j.models.internal.linear;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Map;
import org.mlops4j.models.internal.CountingTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Linear least squares solved exactly, as scikit-learn's {@code LinearRegression} ({@code alpha = 0}) and
 * {@code Ridge(alpha)}: it minimises {@code sum_i w_i (y_i - x_i . coef - b)^2 + alpha ||coef||^2}, the intercept
 * {@code b} not penalised, {@code w_i} the Tribuo example weights. The data is centred on its weighted means, the
 * normal equations are formed once ({@link NormalEquations}) and solved by {@link LeastSquares}: Cholesky when well
 * conditioned, else the minimum-norm solution by a singular value decomposition (collinear columns, one-hot columns
 * with every level); the intercept is then {@code ybar - xbar . coef}. Each output dimension gets its own fit over the
 * shared Gram matrix.
 *
 * <p>The model is a genuine Tribuo regression {@link LinearSGDModel} (one row of weights per output dimension, the
 * bias last), so it serialises, reloads and predicts as one trained by Tribuo's {@code LinearSGDTrainer}. The penalty
 * is an olcut {@link Config} field, recorded in the {@link TrainerProvenance}. Training is synchronized, as Tribuo's
 * trainers are.
 */
public final class LinearRegressionTrainer extends CountingTrainer<Regressor> {

    private static final Logger LOG = LoggerFactory.getLogger(LinearRegressionTrainer.class);

    @Config(description = "The L2 penalty on the coefficients (scikit-learn's Ridge alpha); 0 is ordinary least "
            + "squares.")
    private double alpha = 0.0;

    static {
        loadClassesOnce();
    }

    /** For olcut. */
    private LinearRegressionTrainer() {
    }

    /**
     * @param alpha the L2 penalty, a finite number at least 0 (0: ordinary least squares)
     * @throws IllegalArgumentException when alpha is negative, infinite or NaN
     */
    public LinearRegressionTrainer(double alpha) {
        this.alpha = alpha;
        postConfig();
    }

    /** Checks the parameters. */
    @Override
    public void postConfig() {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha (the L2 penalty) must be a finite number at least 0 (0: "
                    + "ordinary least squares), found " + alpha);
        }
    }

    @Override
    public Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        return trainWithScorer(examples, runProvenance, invocationCount).model();
    }

    /**
     * @param examples the training data
     * @return the Tribuo model and its compact form
     */
    public TrainedLinearRegression trainWithScorer(Dataset<Regressor> examples) {
        return trainWithScorer(examples, Map.of(), INCREMENT_INVOCATION_COUNT);
    }

    /**
     * @param examples        the training data, at least one example with a positive total weight
     * @param runProvenance   extra provenance for the model
     * @param invocationCount the invocation count to train as, or {@link #INCREMENT_INVOCATION_COUNT}
     * @return the Tribuo model and its compact form
     * @throws IllegalArgumentException when the data is empty, a weight is negative or the weights sum to 0
     */
    public synchronized TrainedLinearRegression trainWithScorer(Dataset<Regressor> examples,
            Map<String, Provenance> runProvenance, int invocationCount) {
        TrainerProvenance trainerProvenance = startInvocation(invocationCount).provenance();
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Regressor> outputInfo = examples.getOutputIDInfo();
        long start = System.nanoTime();
        NormalEquations equations = NormalEquations.of(examples);
        long formed = System.nanoTime();
        LeastSquares.Solution solution = LeastSquares.solve(equations.gram(), equations.rhs(), equations.constant(),
                alpha);
        int d = featureMap.size();
        int m = outputInfo.size();
        double[][] weights = new double[m][d + 1];
        for (int o = 0; o < m; o++) {
            double intercept = equations.outputMeans()[o];
            for (int j = 0; j < d; j++) {
                double coef = solution.beta()[j][o];
                weights[o][j] = coef;
                intercept -= equations.means()[j] * coef;
            }
            weights[o][d] = intercept;
        }
        LOG.debug("Least squares (alpha {}): {} rows x {} features, {} output(s); normal equations in {} ms, solved by "
                + "{} (rank {}) in {} ms", alpha, equations.rows(), d, m, (formed - start) / 1_000_000,
                solution.method(), solution.rank(), (System.nanoTime() - formed) / 1_000_000);
        ModelProvenance provenance = new ModelProvenance(LinearSGDModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        LinearSGDModel model = TribuoLinearModels.regression(provenance, featureMap, outputInfo, weights);
        return new TrainedLinearRegression(model, new LinearRegressionScorer(weights, featureMap), solution.method(),
                solution.rank());
    }

    /**
     * Trains on three rows when the class is initialised (a trainer is made before the training clock starts), so
     * that the one-time costs of class loading and olcut's reflective provenance do not land in the first training.
     */
    private static void loadClassesOnce() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> three = new MutableDataset<>(new SimpleDataSourceProvenance("warm-up", factory),
                factory);
        three.add(new ArrayExample<>(new Regressor("y", 0.0), new String[] {"x"}, new double[] {-1.0}));
        three.add(new ArrayExample<>(new Regressor("y", 1.0), new String[] {"x"}, new double[] {0.0}));
        three.add(new ArrayExample<>(new Regressor("y", 2.5), new String[] {"x"}, new double[] {1.0}));
        new LinearRegressionTrainer(0.0).trainWithScorer(three);
    }

    @Override
    public String toString() {
        return "LinearRegressionTrainer(alpha=" + alpha + ")";
    }
}
