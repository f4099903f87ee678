package org.mlops4j.models.internal.linear;

import java.util.Arrays;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A Tribuo classification dataset read once into what the logistic objective needs: the feature values by the
 * dataset's feature ids, each example's class (its Tribuo output id) and weight. Features absent from an example read
 * as 0, as in Tribuo's sparse vectors. The values are stored row-major, densely when at least {@link #DENSE_SHARE} of
 * the cells are non-zero, otherwise in compressed sparse rows (one-hot encoded data is mostly zeros: the objective's
 * cost then follows the non-zeros rather than the cells). Measured on the benchmark's lead data (112,000 rows, 29
 * features, 21 % non-zero): about 1.4 ns per dense cell and 2.7 ns per compressed non-zero and pass (beyond the
 * per-row cost of the loss), so compressed rows pay off below roughly half non-zeros; there L-BFGS took 0.10 s on
 * compressed rows against 0.16 s dense.
 */
final class TrainingMatrix {

    /** The least share of non-zero cells stored densely; below it, rows are compressed (CSR). */
    static final double DENSE_SHARE = 0.5;

    private final int rows;
    private final int columns;
    private final double[] values;
    private final int[] columnIndex;
    private final int[] rowStart;
    private final int[] classOf;
    private final int classes;
    private final double[] weights;

    private TrainingMatrix(int rows, int columns, double[] values, int[] columnIndex, int[] rowStart, int[] classOf,
            int classes, double[] weights) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.columnIndex = columnIndex;
        this.rowStart = rowStart;
        this.classOf = classOf;
        this.classes = classes;
        this.weights = weights;
    }

    /**
     * @param dataset a classification dataset
     * @return its rows, dense or compressed by their share of non-zeros
     */
    static TrainingMatrix of(Dataset<Label> dataset) {
        return of(dataset, DENSE_SHARE);
    }

    /**
     * @param dataset    a classification dataset
     * @param denseShare the least share of non-zero cells stored densely (0: always dense; above 1: always CSR)
     * @return its rows
     */
    static TrainingMatrix of(Dataset<Label> dataset, double denseShare) {
        ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputInfo = dataset.getOutputIDInfo();
        int n = dataset.size();
        int d = featureMap.size();
        int[] classOf = new int[n];
        double[] weights = new double[n];
        int[] rowStart = new int[n + 1];
        int[] index = new int[Math.max(16, n * 4)];
        double[] value = new double[index.length];
        int nonZeros = 0;
        int row = 0;
        for (Example<Label> example : dataset) {
            classOf[row] = outputInfo.getID(example.getOutput());
            weights[row] = example.getWeight();
            for (Feature feature : example) {
                double v = feature.getValue();
                int id = featureMap.getID(feature.getName());
                if (v == 0 || id < 0) {
                    continue;
                }
                if (nonZeros == index.length) {
                    index = Arrays.copyOf(index, nonZeros * 2);
                    value = Arrays.copyOf(value, nonZeros * 2);
                }
                index[nonZeros] = id;
                value[nonZeros++] = v;
            }
            rowStart[++row] = nonZeros;
        }
        sortEachRow(rowStart, index, value, n);
        int classes = outputInfo.size();
        boolean dense = d == 0 || (double) nonZeros / ((double) n * d) >= denseShare;
        if (!dense) {
            return new TrainingMatrix(n, d, Arrays.copyOf(value, nonZeros), Arrays.copyOf(index, nonZeros), rowStart,
                    classOf, classes, weights);
        }
        double[] cells = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                cells[i * d + index[p]] += value[p];
            }
        }
        return new TrainingMatrix(n, d, cells, null, null, classOf, classes, weights);
    }

    /** Tribuo examples list features sorted by name, which is not id order when ids were assigned otherwise. */
    private static void sortEachRow(int[] rowStart, int[] index, double[] value, int n) {
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i] + 1; p < rowStart[i + 1]; p++) {
                int id = index[p];
                double v = value[p];
                int q = p - 1;
                while (q >= rowStart[i] && index[q] > id) {
                    index[q + 1] = index[q];
                    value[q + 1] = value[q];
                    q--;
                }
                index[q + 1] = id;
                value[q + 1] = v;
            }
        }
    }

    /** @return the number of rows */
    int rows() {
        return rows;
    }

    /** @return the number of feature columns */
    int columns() {
        return columns;
    }

    /** @return whether the values are dense row-major ({@code values[row * columns + column]}) */
    boolean dense() {
        return columnIndex == null;
    }

    /** @return the values: dense row-major, or the non-zeros of compressed rows */
    double[] values() {
        return values;
    }

    /** @return the column of each non-zero (compressed rows only) */
    int[] columnIndex() {
        return columnIndex;
    }

    /** @return where each row's non-zeros start, with the total at the end (compressed rows only) */
    int[] rowStart() {
        return rowStart;
    }

    /** @return each row's class, its Tribuo output id */
    int[] classOf() {
        return classOf;
    }

    /** @return the number of classes in the output domain */
    int classes() {
        return classes;
    }

    /** @return each row's weight */
    double[] weights() {
        return weights;
    }
}
