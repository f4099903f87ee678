package org.mlops4j.drift.stattest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.DriftTestResult;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.drift.internal.EmpiricalMmd;
import org.mlops4j.drift.internal.LegacyNumpyRandom;

/**
 * Every built-in test against the scores that {@code make_reference.py} computed by re-running Evidently's code paths
 * with scipy and numpy: same score within 1e-6, same verdict at the default threshold.
 */
class EvidentlyParityTest {

    private static final ProviderSet<DriftDetectorProvider> PROVIDERS =
            Mlops.builder().build().providers(DriftDetectorProvider.class);

    static Stream<Arguments> expectedScores() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : ReferenceCases.cases()) {
            c.get("expected").fields().forEachRemaining(e -> {
                if (e.getValue().has("score")) {
                    out.add(Arguments.of(c.get("name").asText(), e.getKey(), e.getValue().get("score").asDouble(),
                            e.getValue().get("drifted").asBoolean()));
                }
            });
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("expectedScores")
    void scoreAndVerdictEqualEvidently(String caseName, String test, double expectedScore, boolean expectedDrift) {
        DriftDetector detector = PROVIDERS.get(test).create(Mlops.builder().build().config());
        DriftSamples samples = ReferenceCases.samples(ReferenceCases.byName(caseName), 0L);

        DriftTestResult result = detector.test(samples);

        assertEquals(expectedScore, result.score(), 1e-6, () -> test + " on " + caseName);
        assertEquals(expectedDrift, result.drifted(), () -> test + " verdict on " + caseName);
    }

    @Test
    void everyEvidentlyTestIsRegisteredUnderItsName() {
        List<String> evidently = List.of("ks", "chisquare", "z", "wasserstein", "jensenshannon", "kl_div", "psi",
                "anderson", "cramer_von_mises", "ed", "es", "t_test", "mannw", "fisher_exact", "g_test", "hellinger",
                "TVD", "empirical_mmd");
        for (String name : evidently) {
            DriftDetectorProvider provider = PROVIDERS.get(name);
            assertEquals(name.toLowerCase(java.util.Locale.ROOT), provider.name());
            assertEquals(provider.name(), provider.create(Mlops.builder().build().config()).name());
        }
        assertEquals(evidently.size(), PROVIDERS.names().size());
    }

    @Test
    void numpyLegacyGeneratorReproducesNumpyPermutation() {
        int[] expected = toInts(ReferenceCases.root().get("numpy_legacy_permutation_seed0_n10"));
        assertEquals(java.util.Arrays.toString(expected),
                java.util.Arrays.toString(new LegacyNumpyRandom(0).permutation(10)));
    }

    @ParameterizedTest(name = "mmd on {0}")
    @MethodSource("mmdCases")
    void mmdStatisticEqualsEvidentlyAndPValueAgreesWithinPermutationNoise(String caseName) {
        JsonNode c = ReferenceCases.byName(caseName);
        DriftSamples samples = ReferenceCases.samples(c, 7L);
        EmpiricalMmd mmd = new EmpiricalMmd(samples.referenceValues(), samples.currentValues());
        assertEquals(c.get("mmd").get("statistic").asDouble(), mmd.statistic(), 1e-9);

        // 1000 seeded permutations against 2000 in the reference: the p-values differ by sampling noise only;
        // allow four standard errors of the difference plus a small margin.
        double expected = c.get("mmd").get("p_value_2000_permutations").asDouble();
        double actual = new EmpiricalMmdTest(1000).score(samples);
        double se = Math.sqrt(Math.max(expected * (1 - expected), 0.0025) * (1.0 / 1000 + 1.0 / 2000));
        assertTrue(Math.abs(expected - actual) <= 4 * se + 0.005, () -> "p " + actual + " vs " + expected);
        assertEquals(actual, new EmpiricalMmdTest(1000).score(ReferenceCases.samples(c, 7L)),
                "same seed, same p-value");
    }

    static Stream<String> mmdCases() {
        return ReferenceCases.cases().stream().filter(c -> c.has("mmd")).map(c -> c.get("name").asText());
    }

    private static int[] toInts(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
