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
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>L2-regularised logistic regression solved to convergence by L-BFGS, as scikit-learn's
 * {@code LogisticRegression(C, solver="lbfgs", tol, max_iter)}: it minimises
 * {@code C * sum_i w_i * loss_i + 0.5 * ||coef||^2}, the intercept not penalised, {@code w_i} the Tribuo example
 * weights (which carry class weighting). Two classes: one weight vector and a sigmoid, the positive class being the
 * label that sorts last (scikit-learn's {@code classes_[1]}); more: multinomial softmax (scikit-learn's default for
 * lbfgs). See {@link LogisticObjective} for the objective's scale and {@link Lbfgs} for the stopping rules, which are
 * scikit-learn 1.2's: gradient max-norm at most {@code tolerance}, or a relative decrease of at most
 * {@code relativeDecreaseTolerance} (scipy's {@code ftol}), or {@code maxIterations} steps, after which a warning is
 * logged (scikit-learn's {@code ConvergenceWarning}).
 *
 * <p>The model is a genuine Tribuo {@link LinearSGDModel} with {@code LogMulticlass} semantics (softmax over one row
 * of weights per class, the bias last); for two classes the fitted vector is the positive class's row and the other
 * row is zero, so the softmax is the sigmoid. The data is read once into a dense or compressed-row matrix
 * ({@link TrainingMatrix}). The parameters are olcut {@link Config} fields, recorded in the {@link TrainerProvenance}.
 * Training is synchronized, as Tribuo's trainers are.
 */
public final class LogisticRegressionTrainer extends CountingTrainer<Label> {

    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegressionTrainer.class);

    /** scipy's default {@code ftol} for L-BFGS-B, which scikit-learn 1.2 keeps. */
    public static final double SCIPY_FTOL = 2.220446049250313e-09;

    @Config(description = "Inverse regularisation strength C: the loss is multiplied by C, the L2 penalty is not.")
    private double c = 1.0;

    @Config(description = "The most L-BFGS iterations.")
    private int maxIterations = 1000;

    @Config(description = "Stop when the gradient's max-norm is at most this (scikit-learn's tol).")
    private double tolerance = 1e-4;

    @Config(description = "Stop when a step's relative decrease of the objective is at most this (scipy's ftol).")
    private double relativeDecreaseTolerance = SCIPY_FTOL;

    static {
        loadClassesOnce();
    }

    /** For olcut. */
    private LogisticRegressionTrainer() {
    }

    /**
     * @param c                         inverse regularisation strength, positive
     * @param maxIterations             the most L-BFGS iterations, at least 1
     * @param tolerance                 stop at this gradient max-norm, at least 0
     * @param relativeDecreaseTolerance stop at this relative decrease, at least 0 (0: only the other rules stop)
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public LogisticRegressionTrainer(double c, int maxIterations, double tolerance, double relativeDecreaseTolerance) {
        this.c = c;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.relativeDecreaseTolerance = relativeDecreaseTolerance;
        postConfig();
    }

    /**
     * @param c             inverse regularisation strength, positive
     * @param maxIterations the most L-BFGS iterations, at least 1
     * @param tolerance     stop at this gradient max-norm, at least 0
     * @return a trainer with scipy's relative decrease tolerance, as scikit-learn 1.2
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public static LogisticRegressionTrainer of(double c, int maxIterations, double tolerance) {
        return new LogisticRegressionTrainer(c, maxIterations, tolerance, SCIPY_FTOL);
    }

    /** Checks the parameters. */
    @Override
    public void postConfig() {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a positive finite number, found " + c);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, found " + maxIterations);
        }
        if (!(tolerance >= 0) || !(relativeDecreaseTolerance >= 0)) {
            throw new IllegalArgumentException("tolerance and relativeDecreaseTolerance must be at least 0, found "
                    + tolerance + " and " + relativeDecreaseTolerance);
        }
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        return trainWithScorer(examples, runProvenance, invocationCount).model();
    }

    /**
     * @param examples the training data
     * @return the Tribuo model and its compact form
     */
    public TrainedLogistic trainWithScorer(Dataset<Label> examples) {
        return trainWithScorer(examples, Map.of(), INCREMENT_INVOCATION_COUNT);
    }

    /**
     * @param examples        the training data, at least two classes
     * @param runProvenance   extra provenance for the model
     * @param invocationCount the invocation count to train as, or {@link #INCREMENT_INVOCATION_COUNT}
     * @return the Tribuo model and its compact form
     * @throws IllegalArgumentException when the data is empty or has a single class
     */
    public synchronized TrainedLogistic trainWithScorer(Dataset<Label> examples,
            Map<String, Provenance> runProvenance, int invocationCount) {
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        if (examples.size() == 0 || outputInfo.size() < 2) {
            throw new IllegalArgumentException("Logistic regression needs examples of at least two classes, found "
                    + examples.size() + " examples of " + outputInfo.size() + " class(es)");
        }
        TrainerProvenance trainerProvenance = startInvocation(invocationCount).provenance();

        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        long start = System.nanoTime();
        TrainingMatrix data = TrainingMatrix.of(examples);
        long read = System.nanoTime();
        int positive = positiveClass(outputInfo);
        LogisticObjective objective = new LogisticObjective(data, c, positive);
        Lbfgs.Result result = new Lbfgs(maxIterations, tolerance, relativeDecreaseTolerance)
                .minimize(objective, new double[objective.dimension()]);
        LOG.debug("Logistic regression: {} rows x {} features ({}, {} non-zeros) read in {} ms; L-BFGS {} "
                + "iterations, {} evaluations, stopped on {} in {} ms", data.rows(), data.columns(),
                data.dense() ? "dense" : "CSR", data.dense() ? "all" : data.values().length,
                (read - start) / 1_000_000, result.iterations(), result.evaluations(), result.stop(),
                (System.nanoTime() - read) / 1_000_000);
        if (result.stop() == Lbfgs.Stop.MAX_ITERATIONS) {
            LOG.warn("Logistic regression (L-BFGS) failed to converge in {} iterations: the gradient's max-norm is "
                    + "{}, above the tolerance {}. Increase max_iter, or scale the data (as scikit-learn's "
                    + "ConvergenceWarning says).", result.iterations(), result.gradientNorm(), tolerance);
        } else if (result.stop() == Lbfgs.Stop.LINE_SEARCH) {
            LOG.debug("Logistic regression (L-BFGS) stopped after {} iterations: no step decreased the objective "
                    + "further (gradient max-norm {})", result.iterations(), result.gradientNorm());
        }
        double[][] weights = objective.weightMatrix(result.x());
        ModelProvenance provenance = new ModelProvenance(LinearSGDModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        LinearSGDModel model = TribuoLinearModels.model(provenance, featureMap, outputInfo, weights);
        return new TrainedLogistic(model, new LinearScorer(weights, featureMap), result.iterations(),
                result.gradientNorm(), result.converged());
    }

    /**
     * Trains on two rows when the class is initialised (a trainer is made before the training clock starts), so that
     * the one-time costs of a JVM, about 50 ms on a cold one, do not land in the first trainings: loading the classes
     * of the matrix, the optimiser and Tribuo's model, and olcut's reflective provenance machinery.
     */
    private static void loadClassesOnce() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> two = new MutableDataset<>(new SimpleDataSourceProvenance("warm-up", factory), factory);
        two.add(new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {-1.0}));
        two.add(new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {1.0}));
        new LogisticRegressionTrainer(1.0, 1000, 1e-4, SCIPY_FTOL).trainWithScorer(two); // converges: no warning
    }

    /** The output id of the label that sorts last, scikit-learn's {@code classes_[1]} for two classes. */
    static int positiveClass(ImmutableOutputInfo<Label> outputInfo) {
        int best = 0;
        for (int id = 1; id < outputInfo.size(); id++) {
            if (outputInfo.getOutput(id).getLabel().compareTo(outputInfo.getOutput(best).getLabel()) > 0) {
                best = id;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "LogisticRegressionTrainer(C=" + c + ",maxIterations=" + maxIterations + ",tolerance=" + tolerance
                + ",relativeDecreaseTolerance=" + relativeDecreaseTolerance + ")";
    }
}
