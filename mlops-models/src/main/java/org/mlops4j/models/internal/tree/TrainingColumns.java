package org.mlops4j.models.internal.tree;

import java.util.Arrays;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A Tribuo dataset read once into what the tree growers need: binned features (by the dataset's feature ids) and
 * each example's weight. Features absent from an example read as 0, as in Tribuo's sparse vectors.
 *
 * @param features the binned features
 * @param weights  each example's weight
 */
record TrainingColumns(BinnedFeatures features, double[] weights) {

    /**
     * @param dataset a dataset
     * @param <T>     its output type
     * @return its columns
     */
    static <T extends Output<T>> TrainingColumns of(Dataset<T> dataset) {
        ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
        int featureCount = featureMap.size();
        int rows = dataset.size();
        int[][] columnRows = new int[featureCount][8];
        double[][] columnValues = new double[featureCount][8];
        int[] sizes = new int[featureCount];
        double[] weights = new double[rows];
        int row = 0;
        for (Example<T> example : dataset) {
            weights[row] = example.getWeight();
            for (Feature feature : example) {
                double value = feature.getValue();
                if (value == 0) {
                    continue;
                }
                int id = featureMap.getID(feature.getName());
                if (id < 0) {
                    continue;
                }
                int size = sizes[id];
                if (size == columnRows[id].length) {
                    columnRows[id] = Arrays.copyOf(columnRows[id], size * 2);
                    columnValues[id] = Arrays.copyOf(columnValues[id], size * 2);
                }
                columnRows[id][size] = row;
                columnValues[id][size] = value;
                sizes[id] = size + 1;
            }
            row++;
        }
        return new TrainingColumns(BinnedFeatures.bin(rows, columnRows, columnValues, sizes), weights);
    }
}
