package org.mlops4j.models.internal.tree;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlops4j.models.internal.CountingTrainer;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.provenance.EnsembleModelProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A fast trainer of CART trees, random forests and extra trees that returns genuine Tribuo models: one tree is a
 * {@link TreeModel}, several are a {@link WeightedEnsembleModel} of them with uniform weights.
 *
 * <p>Algorithm: the training set is read once and each feature binned once ({@link BinnedFeatures}: at most 256 bins;
 * features with at most 256 distinct values, absent counting as 0, get one bin per value, so their splits are exact);
 * each tree then grows depth first over an array of row indices partitioned in place, finding splits from per-node
 * histograms of the node's rows over each candidate feature's bins ({@link TreeGrower}). Histograms are rebuilt per
 * node rather than derived from the parent by subtraction, since with feature subsampling the sibling's features are
 * drawn anew. A random forest draws a bootstrap sample per tree (as counts, which multiply the example weights) and
 * {@code maxFeatures} features per split; extra trees use every row and one random threshold per drawn feature,
 * uniform between the node's least and greatest value, as scikit-learn's {@code ExtraTrees}. Example weights are
 * honoured everywhere (they carry class weighting). Trees of a forest are grown one after the other, each from its
 * own random stream split off a stream seeded by {@code seed} and the invocation count, so a seed gives the same
 * model whichever thread trains it.
 *
 * <p>The parameters are olcut {@link Config} fields, recorded in the {@link TrainerProvenance}. Training is
 * synchronized, as Tribuo's trainers are.
 *
 * @param <T> the output type
 */
public abstract class TreeTrainer<T extends Output<T>> extends CountingTrainer<T> {

    @Config(description = "The most splits on a path from the root to a leaf; 0 means unlimited.")
    private int maxDepth = 0;

    @Config(description = "The least total example weight in each child of a split.")
    private double minChildWeight = 1.0;

    @Config(description = "The least weighted impurity decrease a split must bring (scikit-learn's meaning).")
    private double minImpurityDecrease = 0.0;

    @Config(description = "Features drawn per split: 'all', 'sqrt', 'log2' or a fraction in (0, 1].")
    private String maxFeatures = "all";

    @Config(description = "The number of trees; 1 gives a single TreeModel.")
    private int numTrees = 1;

    @Config(description = "Whether each tree trains on a bootstrap sample (random forest).")
    private boolean bootstrap = false;

    @Config(description = "Whether each drawn feature gets one random threshold (extra trees).")
    private boolean randomSplits = false;

    @Config(description = "The seed of the random streams.")
    private long seed = Trainer.DEFAULT_SEED;

    /** For olcut. */
    protected TreeTrainer() {
    }

    /**
     * @param maxDepth            the most splits on a path from the root (0: unlimited)
     * @param minChildWeight      the least total example weight in each child
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param maxFeatures         {@code all}, {@code sqrt}, {@code log2} or a fraction
     * @param numTrees            the number of trees
     * @param bootstrap           whether trees train on bootstrap samples
     * @param randomSplits        whether thresholds are random (extra trees)
     * @param seed                the seed
     */
    protected TreeTrainer(int maxDepth, double minChildWeight, double minImpurityDecrease, String maxFeatures,
            int numTrees, boolean bootstrap, boolean randomSplits, long seed) {
        this.maxDepth = maxDepth;
        this.minChildWeight = minChildWeight;
        this.minImpurityDecrease = minImpurityDecrease;
        this.maxFeatures = maxFeatures;
        this.numTrees = numTrees;
        this.bootstrap = bootstrap;
        this.randomSplits = randomSplits;
        this.seed = seed;
        postConfig();
    }

    /** Checks the parameters. */
    @Override
    public void postConfig() {
        if (numTrees < 1) {
            throw new IllegalArgumentException("numTrees must be at least 1, found " + numTrees);
        }
        if (!(minChildWeight >= 0) || !(minImpurityDecrease >= 0)) {
            throw new IllegalArgumentException("minChildWeight and minImpurityDecrease must be at least 0, found "
                    + minChildWeight + " and " + minImpurityDecrease);
        }
        featuresPerSplit(1);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        return trainWithTrees(examples, runProvenance, invocationCount).model();
    }

    /**
     * @param examples the training data
     * @return the Tribuo model and its compact form
     */
    public TrainedTrees<T> trainWithTrees(Dataset<T> examples) {
        return trainWithTrees(examples, Map.of(), INCREMENT_INVOCATION_COUNT);
    }

    /**
     * @param examples        the training data
     * @param runProvenance   extra provenance for the model
     * @param invocationCount the invocation count to train as, or {@link #INCREMENT_INVOCATION_COUNT}
     * @return the Tribuo model and its compact form
     */
    public synchronized TrainedTrees<T> trainWithTrees(Dataset<T> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("Cannot train trees on an empty dataset");
        }
        Invocation invocation = startInvocation(invocationCount);
        TrainerProvenance trainerProvenance = invocation.provenance();
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * invocation.count()));

        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        TrainingColumns columns = TrainingColumns.of(examples);
        GrowthLimits limits = new GrowthLimits(maxDepth, minChildWeight, minImpurityDecrease,
                featuresPerSplit(featureMap.size()), randomSplits);
        TreeGrower grower = grower(columns.features(), examples, limits);
        List<FlatTree> trees = new ArrayList<>(numTrees);
        for (int t = 0; t < numTrees; t++) {
            SplittableRandom treeRandom = random.split();
            double[] weights = bootstrap ? bootstrap(columns.weights(), treeRandom) : columns.weights();
            trees.add(grower.grow(weights, treeRandom));
        }

        OffsetDateTime now = OffsetDateTime.now();
        ModelProvenance memberProvenance = new ModelProvenance(TreeModel.class.getName(), now,
                examples.getProvenance(), trainerProvenance, numTrees == 1 ? runProvenance : Map.of());
        List<Model<T>> members = new ArrayList<>(numTrees);
        TribuoTrees.LeafOutputs<T> leaves = leafOutputs(outputInfo);
        for (FlatTree tree : trees) {
            members.add(TribuoTrees.treeModel(modelName(), memberProvenance, featureMap, outputInfo, tree, leaves,
                    generatesProbabilities()));
        }
        TreeEnsemble compact = new TreeEnsemble(trees, featureMap, generatesProbabilities(), width(outputInfo));
        if (numTrees == 1) {
            return new TrainedTrees<>(members.get(0), compact);
        }
        List<ModelProvenance> memberProvenances = new ArrayList<>(numTrees);
        members.forEach(m -> memberProvenances.add(m.getProvenance()));
        EnsembleModelProvenance provenance = new EnsembleModelProvenance(WeightedEnsembleModel.class.getName(), now,
                examples.getProvenance(), trainerProvenance, runProvenance, new ListProvenance<>(memberProvenances));
        return new TrainedTrees<>(new WeightedEnsembleModel<>(modelName() + "-ensemble", provenance, featureMap,
                outputInfo, members, combiner()), compact);
    }

    private static double[] bootstrap(double[] weights, SplittableRandom random) {
        int n = weights.length;
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = weights[i] * counts[i];
        }
        return out;
    }

    /**
     * @param features the number of features
     * @return how many features are drawn per split, as scikit-learn's {@code max_features}
     */
    int featuresPerSplit(int features) {
        String spec = maxFeatures.trim().toLowerCase(Locale.ROOT);
        double count = switch (spec) {
            case "all" -> features;
            case "sqrt" -> Math.sqrt(features);
            case "log2" -> Math.log(features) / Math.log(2);
            default -> {
                double fraction;
                try {
                    fraction = Double.parseDouble(spec);
                } catch (NumberFormatException e) {
                    fraction = Double.NaN;
                }
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new IllegalArgumentException("maxFeatures must be all, sqrt, log2 or a fraction in (0, 1], "
                            + "found '" + maxFeatures + "'");
                }
                yield fraction * features;
            }
        };
        return (int) Math.max(1, Math.floor(count));
    }

    /**
     * @param columns  the binned features
     * @param examples the training data (for the targets)
     * @param limits   how trees grow
     * @return a grower for this task
     */
    abstract TreeGrower grower(BinnedFeatures columns, Dataset<T> examples, GrowthLimits limits);

    /** @param outputInfo the output domain @return how leaves become Tribuo outputs */
    abstract TribuoTrees.LeafOutputs<T> leafOutputs(ImmutableOutputInfo<T> outputInfo);

    /** @param outputInfo the output domain @return values per prediction */
    abstract int width(ImmutableOutputInfo<T> outputInfo);

    /** @return the forest's combiner */
    abstract EnsembleCombiner<T> combiner();

    /** @return whether leaf scores are probabilities */
    abstract boolean generatesProbabilities();

    /** @return the name given to trained models */
    abstract String modelName();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(maxDepth=" + maxDepth + ",minChildWeight=" + minChildWeight
                + ",minImpurityDecrease=" + minImpurityDecrease + ",maxFeatures=" + maxFeatures + ",numTrees="
                + numTrees + ",bootstrap=" + bootstrap + ",randomSplits=" + randomSplits + ",seed=" + seed + ")";
    }
}
