package org.mlops4j.models.internal.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.ensemble.EnsembleCombiner;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>{@link TreeTrainer} for classification, Gini impurity. A leaf predicts its most weighted class (the first by
 * Tribuo output id on a tie) and scores every class with its weighted frequency in the leaf; the model says it gives
 * probabilities. A forest combines its trees with {@link FullyWeightedVotingCombiner}: the mean of the trees' leaf
 * frequencies, as scikit-learn's {@code predict_proba}.
 */
public final class ClassificationTreeTrainer extends TreeTrainer<Label> {

    /** For olcut. */
    private ClassificationTreeTrainer() {
    }

    private ClassificationTreeTrainer(int maxDepth, double minChildWeight, double minImpurityDecrease,
            String maxFeatures, int numTrees, boolean bootstrap, boolean randomSplits, long seed) {
        super(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees, bootstrap, randomSplits, seed);
    }

    /**
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed (unused by a plain tree but recorded)
     * @return a CART decision tree trainer on all features
     */
    public static ClassificationTreeTrainer cart(int maxDepth, double minChildWeight, double minImpurityDecrease,
            long seed) {
        return new ClassificationTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, "all", 1, false, false,
                seed);
    }

    /**
     * @param numTrees            trees
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param maxFeatures         features per split: {@code sqrt}, {@code log2}, {@code all} or a fraction
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed
     * @return a random forest trainer (bootstrap samples, best thresholds)
     */
    public static ClassificationTreeTrainer randomForest(int numTrees, int maxDepth, String maxFeatures,
            double minChildWeight, double minImpurityDecrease, long seed) {
        return new ClassificationTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees,
                true, false, seed);
    }

    /**
     * @param numTrees            trees
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param maxFeatures         features per split: {@code sqrt}, {@code log2}, {@code all} or a fraction
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed
     * @return an extra trees trainer (every row, random thresholds)
     */
    public static ClassificationTreeTrainer extraTrees(int numTrees, int maxDepth, String maxFeatures,
            double minChildWeight, double minImpurityDecrease, long seed) {
        return new ClassificationTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees,
                false, true, seed);
    }

    @Override
    TreeGrower grower(BinnedFeatures columns, Dataset<Label> examples, GrowthLimits limits) {
        ImmutableOutputInfo<Label> info = examples.getOutputIDInfo();
        int[] classOf = new int[examples.size()];
        int row = 0;
        for (Example<Label> example : examples) {
            classOf[row++] = info.getID(example.getOutput());
        }
        return new TreeGrower(columns, classOf, info.size(), null, limits);
    }

    @Override
    TribuoTrees.LeafOutputs<Label> leafOutputs(ImmutableOutputInfo<Label> outputInfo) {
        String[] names = new String[outputInfo.size()];
        for (int c = 0; c < names.length; c++) {
            names[c] = outputInfo.getOutput(c).getLabel();
        }
        // pure leaves (most of a fully grown forest's) share one immutable output and score map per class
        Label[] pureOutput = new Label[names.length];
        List<Map<String, Label>> pureScores = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            pureOutput[c] = new Label(names[c], 1.0);
            Map<String, Label> scores = new LinkedHashMap<>();
            for (int o = 0; o < names.length; o++) {
                scores.put(names[o], o == c ? pureOutput[c] : new Label(names[o], 0.0));
            }
            pureScores.add(Collections.unmodifiableMap(scores));
        }
        return new TribuoTrees.LeafOutputs<>() {
            @Override
            public Label output(FlatTree tree, int node) {
                int best = best(tree, node);
                double share = tree.value(node, best);
                return share == 1.0 ? pureOutput[best] : new Label(names[best], share);
            }

            @Override
            public Map<String, Label> scores(FlatTree tree, int node) {
                int best = best(tree, node);
                if (tree.value(node, best) == 1.0) {
                    return pureScores.get(best);
                }
                Map<String, Label> out = new LinkedHashMap<>();
                for (int c = 0; c < names.length; c++) {
                    out.put(names[c], new Label(names[c], tree.value(node, c)));
                }
                return out;
            }

            private int best(FlatTree tree, int node) {
                int best = 0;
                for (int c = 1; c < names.length; c++) {
                    if (tree.value(node, c) > tree.value(node, best)) {
                        best = c;
                    }
                }
                return best;
            }
        };
    }

    @Override
    int width(ImmutableOutputInfo<Label> outputInfo) {
        return outputInfo.size();
    }

    @Override
    EnsembleCombiner<Label> combiner() {
        return new FullyWeightedVotingCombiner();
    }

    @Override
    boolean generatesProbabilities() {
        return true;
    }

    @Override
    String modelName() {
        return "classification-tree";
    }
}
