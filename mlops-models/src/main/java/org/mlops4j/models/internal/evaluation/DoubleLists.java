package org.mlops4j.models.internal.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Converts between the primitive arrays the computations use and the immutable lists the public records hold.
 */
public final class DoubleLists {

    private DoubleLists() {
    }

    /**
     * @param values numbers
     * @return an immutable list of them
     */
    public static List<Double> of(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * @param values numbers
     * @return them as an array
     */
    public static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
