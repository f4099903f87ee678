package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.ColumnType;

class ActionPolicyTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
    private static final DriftSummary NO_DRIFT = new DriftSummary(false, 0.5, 1, 0, 0.0, List.of());

    @ParameterizedTest(name = "{0} pp -> {1}")
    @CsvSource({
        "0, NONE", "1, NONE", "2, NONE", "4.99, NONE", "4.999999, NONE",
        "5, RETRAIN", "6, RETRAIN", "8, RETRAIN", "9.5, RETRAIN", "10, RETRAIN",
        "10.000001, ESCALATE", "10.01, ESCALATE", "35, ESCALATE", "100, ESCALATE"})
    void defaultBandsFollowTheSeedWithExplicitBoundaries(double deviation, ActionKind expected) {
        assertEquals(expected, ActionPolicy.defaults().bandFor(deviation).action());
    }

    @Test
    void defaultBandsAreWrittenInIntervalNotation() {
        assertEquals(List.of("[0, 5)", "[5, 10]", "(10, 100]"),
                ActionPolicy.defaults().bands().stream().map(PolicyBand::interval).toList());
    }

    @Test
    void rejectsDeviationsOutsideTheRange() {
        ActionPolicy policy = ActionPolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> policy.bandFor(-0.1));
        assertThrows(IllegalArgumentException.class, () -> policy.bandFor(100.5));
        assertThrows(IllegalArgumentException.class, () -> policy.bandFor(Double.NaN));
    }

    @Test
    void namesTheGapBetweenTwoBands() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("[0, 2]", ActionKind.NONE).band("[5, 8]", ActionKind.RETRAIN)
                .band("(10, 100]", ActionKind.ESCALATE).build());
        assertTrue(e.getMessage().contains("leave (2, 5) uncovered"), e.getMessage());
    }

    @Test
    void namesASinglePointLeftOutWhenBothEndsAreOpen() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("[0, 5)", ActionKind.NONE).band("(5, 100]", ActionKind.RETRAIN).build());
        assertTrue(e.getMessage().contains("leave the value 5 uncovered"), e.getMessage());
    }

    @Test
    void namesTheUncoveredStartAndEndOfTheRange() {
        ConfigurationException start = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("(0, 100]", ActionKind.NONE).build());
        assertTrue(start.getMessage().contains("leave the value 0 uncovered"), start.getMessage());
        ConfigurationException end = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("[0, 50]", ActionKind.NONE).build());
        assertTrue(end.getMessage().contains("leave (50, 100] uncovered"), end.getMessage());
    }

    @Test
    void namesTheOverlapOfTwoBands() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("[0, 6]", ActionKind.NONE).band("[5, 100]", ActionKind.RETRAIN).build());
        assertTrue(e.getMessage().contains("overlap in [5, 6]"), e.getMessage());
        ConfigurationException point = assertThrows(ConfigurationException.class, () -> ActionPolicy.builder()
                .band("[0, 5]", ActionKind.NONE).band("[5, 100]", ActionKind.RETRAIN).build());
        assertTrue(point.getMessage().contains("overlap in [5, 5]"), point.getMessage());
    }

    @Test
    void rejectsAPolicyWithoutBandsAndBandsBeyondTheRange() {
        assertThrows(ConfigurationException.class, () -> ActionPolicy.builder().build());
        assertThrows(ConfigurationException.class, () -> ActionPolicy.builder().band("[-1, 100]", ActionKind.NONE)
                .build());
    }

    @Test
    void acceptsBandsInAnyOrderAndAnOpenEndedRange() {
        ActionPolicy policy = ActionPolicy.builder().range(0, Double.POSITIVE_INFINITY)
                .band("[0.2, inf]", ActionKind.ESCALATE).band("[0, 0.1)", ActionKind.NONE)
                .band("[0.1, 0.2)", ActionKind.RETRAIN).build();
        assertEquals(ActionKind.NONE, policy.bandFor(0.05).action());
        assertEquals(ActionKind.RETRAIN, policy.bandFor(0.1).action());
        assertEquals(ActionKind.ESCALATE, policy.bandFor(7.5).action());
    }

    @Test
    void readsBandsFromAPropertyValue() {
        ActionPolicy policy = ActionPolicy.parseBands("[0,3):none; [3,15]:retrain; (15,100]:ESCALATE").build();
        assertEquals(ActionKind.NONE, policy.bandFor(2.99).action());
        assertEquals(ActionKind.RETRAIN, policy.bandFor(15).action());
        assertEquals(ActionKind.ESCALATE, policy.bandFor(15.5).action());
        assertThrows(IllegalArgumentException.class, () -> ActionPolicy.parseBands("[0,3) none"));
        assertThrows(IllegalArgumentException.class, () -> ActionPolicy.parseBands("[0,3]:later"));
    }

    @Test
    void rejectsEmptyAndMalformedBands() {
        assertThrows(IllegalArgumentException.class, () -> PolicyBand.parse("[5, 5)", ActionKind.NONE));
        assertThrows(IllegalArgumentException.class, () -> PolicyBand.parse("[6, 5]", ActionKind.NONE));
        assertThrows(IllegalArgumentException.class, () -> PolicyBand.parse("5 to 6", ActionKind.NONE));
        assertTrue(PolicyBand.parse("[5, 5]", ActionKind.NONE).contains(5));
    }

    @Test
    void theLargestDeviationDecidesAndEveryColumnIsKeptAsEvidence() {
        List<ColumnDeviation> deviations = List.of(
                new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, 1.5),
                new ColumnDeviation("first_platform_c", ColumnType.CATEGORICAL, 23.0),
                new ColumnDeviation("first_utm_source_c", ColumnType.CATEGORICAL, 23.0),
                new ColumnDeviation("total_leads_droppped", ColumnType.NUMERIC, 6.0));
        DriftSummary drift = new DriftSummary(true, 0.5, 4, 2, 0.5, List.of("first_platform_c", "first_utm_source_c"));

        PolicyDecision d = ActionPolicy.defaults().decide("tvd", "percentage points", deviations, drift, NOW);

        assertEquals(ActionKind.ESCALATE, d.action());
        assertEquals("first_platform_c", d.decidingColumn());
        assertEquals(23.0, d.decidingDeviation());
        assertEquals("(10, 100]", d.band().interval());
        assertEquals(deviations, d.deviations());
        assertEquals(drift, d.drift());
        assertEquals(NOW, d.decidedAt());
        assertFalse(d.quality().checked());
        assertTrue(d.reason().contains("first_platform_c") && d.reason().endsWith("escalate"), d.reason());
    }

    @Test
    void refusesToDecideWithoutColumns() {
        assertThrows(IllegalArgumentException.class, () -> ActionPolicy.defaults().decide("tvd", "pp", List.of(),
                NO_DRIFT, NOW));
    }

    @Test
    void qualityBelowItsTargetsRaisesTheActionButNeverLowersIt() {
        ActionPolicy policy = ActionPolicy.builder().band("[0, 5)", ActionKind.NONE)
                .band("[5, 10]", ActionKind.RETRAIN).band("(10, 100]", ActionKind.ESCALATE)
                .qualityTargets(QualityTargets.exceeding(Map.of("auc", 0.75, "precision", 0.65, "recall", 0.75)))
                .build();
        List<ColumnDeviation> small = List.of(new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, 1.0));
        List<ColumnDeviation> large = List.of(new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, 30.0));

        PolicyDecision met = policy.decide("tvd", "pp", small, NO_DRIFT,
                Map.of("auc", 0.82, "precision", 0.70, "recall", 0.80), NOW);
        PolicyDecision atTarget = policy.decide("tvd", "pp", small, NO_DRIFT,
                Map.of("auc", 0.82, "precision", 0.65, "recall", 0.80), NOW);
        PolicyDecision missedButEscalated = policy.decide("tvd", "pp", large, NO_DRIFT,
                Map.of("auc", 0.60, "precision", 0.70, "recall", 0.70), NOW);

        assertEquals(ActionKind.NONE, met.action());
        assertTrue(met.quality().checked());
        assertEquals(ActionKind.RETRAIN, atTarget.action());
        assertEquals(ActionKind.NONE, atTarget.driftAction());
        assertEquals(List.of("precision"), atTarget.quality().missed());
        assertEquals(ActionKind.ESCALATE, missedButEscalated.action());
        assertEquals(List.of("auc", "recall"), missedButEscalated.quality().missed());
        assertThrows(IllegalArgumentException.class, () -> policy.decide("tvd", "pp", small, NO_DRIFT,
                Map.of("auc", 0.9), NOW));
        assertFalse(policy.decide("tvd", "pp", small, NO_DRIFT, NOW).quality().checked());
    }

    @Test
    void qualityCanEscalateInsteadOfRetraining() {
        QualityTargets targets = QualityTargets.exceeding(Map.of("auc", 0.75)).whenMissed(ActionKind.ESCALATE);
        ActionPolicy policy = ActionPolicy.parseBands("[0,5):none;[5,10]:retrain;(10,100]:escalate")
                .qualityTargets(targets).build();
        PolicyDecision d = policy.decide("tvd", "pp", List.of(new ColumnDeviation("x", ColumnType.NUMERIC, 0)),
                NO_DRIFT, Map.of("auc", 0.7), NOW);
        assertEquals(ActionKind.ESCALATE, d.action());
    }
}
