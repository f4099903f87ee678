package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DoubleSortingTest {

    static Stream<Arguments> inputs() {
        Random r = new Random(7);
        return Stream.of(
                Arguments.of("gaussian", (DoubleSupplier) r::nextGaussian),
                Arguments.of("few integers", (DoubleSupplier) () -> r.nextInt(5) - 2),
                Arguments.of("wide magnitudes", (DoubleSupplier) () -> (r.nextBoolean() ? -1 : 1)
                        * Math.pow(10, r.nextInt(600) - 300) * r.nextDouble()),
                Arguments.of("extremes and zero", (DoubleSupplier) () -> switch (r.nextInt(5)) {
                    case 0 -> Double.MAX_VALUE;
                    case 1 -> -Double.MAX_VALUE;
                    case 2 -> Double.MIN_VALUE;
                    case 3 -> -Double.MIN_VALUE;
                    default -> 0.0;
                }),
                Arguments.of("one value", (DoubleSupplier) () -> 3.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void sortsAsTheJdkDoesBelowAndAboveTheRadixThreshold(String name, DoubleSupplier values) {
        for (int n : new int[] {0, 1, 17, DoubleSorting.RADIX_THRESHOLD - 1, DoubleSorting.RADIX_THRESHOLD,
                200_003}) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = values.getAsDouble();
            }
            double[] expected = a.clone();
            Arrays.sort(expected);
            DoubleSorting.sort(a);
            assertArrayEquals(expected, a, name + ", n = " + n);
        }
    }
}
