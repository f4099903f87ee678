package org.mlops4j.core.model.internal.tree;

import java.util.List;
import org.mlops4j.core.model.EncodedRows;
import org.tribuo.ImmutableFeatureMap;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The compact form of a trained tree or forest: its {@link FlatTree}s and the feature ids they test. It scores
 * encoded rows directly (each row's features mapped once to dense ids) and gives what the trainer's Tribuo model
 * gives, computed the same way: a single tree's leaf values; for a forest of classification trees Tribuo's
 * {@code FullyWeightedVotingCombiner} with uniform weights (the normalised weighted mean of the leaves' class
 * frequencies), for regression forests {@code AveragingCombiner}'s running weighted mean. Immutable; thread-safe.
 */
public final class TreeEnsemble {

    private final List<FlatTree> trees;
    private final ImmutableFeatureMap featureMap;
    private final boolean classification;
    private final int width;

    TreeEnsemble(List<FlatTree> trees, ImmutableFeatureMap featureMap, boolean classification, int width) {
        this.trees = List.copyOf(trees);
        this.featureMap = featureMap;
        this.classification = classification;
        this.width = width;
    }

    /** @return the trees */
    public List<FlatTree> trees() {
        return trees;
    }

    /** @return the number of values per prediction: the classes by Tribuo output id, or 1 (regression) */
    public int width() {
        return width;
    }

    /**
     * @param rows encoded rows
     * @return per row, the class probabilities by Tribuo output id (classification) or the one predicted value
     */
    public double[][] predict(EncodedRows rows) {
        double[][] out = new double[rows.size()][];
        double[] dense = new double[featureMap.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] names = rows.featureNames(i);
            double[] values = rows.values(i);
            int[] ids = new int[names.length];
            for (int j = 0; j < names.length; j++) {
                ids[j] = featureMap.getID(names[j]);
                if (ids[j] >= 0) {
                    dense[ids[j]] += values[j];
                }
            }
            out[i] = predict(dense);
            for (int id : ids) {
                if (id >= 0) {
                    dense[id] = 0;
                }
            }
        }
        return out;
    }

    /**
     * @param row a dense row by feature id
     * @return the class probabilities by output id, or the one predicted value
     */
    public double[] predict(double[] row) {
        double[] out = new double[width];
        if (trees.size() == 1) {
            FlatTree tree = trees.get(0);
            int leaf = tree.leafOf(row);
            for (int c = 0; c < width; c++) {
                out[c] = tree.value(leaf, c);
            }
            return out;
        }
        double weight = 1.0f / trees.size();
        if (classification) {
            double sum = 0;
            for (FlatTree tree : trees) {
                int leaf = tree.leafOf(row);
                for (int c = 0; c < width; c++) {
                    double score = weight * tree.value(leaf, c);
                    sum += score;
                    out[c] += score;
                }
            }
            for (int c = 0; c < width; c++) {
                out[c] /= sum;
            }
            return out;
        }
        double mean = 0;
        double weightSum = 0;
        for (FlatTree tree : trees) {
            double value = tree.value(tree.leafOf(row), 0);
            weightSum += weight;
            mean += (weight / weightSum) * (value - mean);
        }
        out[0] = mean;
        return out;
    }

    /**
     * @param probabilities class probabilities by output id
     * @return the predicted class id: the first most probable, as Tribuo picks it
     */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }
}
