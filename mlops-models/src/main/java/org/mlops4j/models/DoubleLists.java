package org.mlops4j.models;

import java.util.Arrays;
import java.util.List;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Converts between the primitive arrays the computations use and the immutable lists the public records hold.
 */
final class DoubleLists {

    private DoubleLists() {
    }

    /**
     * @param values numbers
     * @return an immutable list of them
     */
    static List<Double> of(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * @param values numbers
     * @return them as an array
     */
    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
