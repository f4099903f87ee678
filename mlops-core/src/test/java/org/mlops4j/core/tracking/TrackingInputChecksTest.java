package org.mlops4j.core.tracking;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rules, with MLflow's own test vectors (tests/utils/test_validation.py). */
class TrackingInputChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Ab-5_", "a/b/c", "a.b.c", ".a", "b.", "a..a/._./o_O/.e.", "a b/c d", "a:b",
        "ünïcödé"})
    void acceptsMlflowGoodKeys(String key) {
        assertDoesNotThrow(() -> TrackingInputChecks.checkKey("Metric", key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "/", "..", "//", "a//b", "a/./b", "/a", "a/", "\\", "./", "/./", "../a/b",
        "a/b/../c", "a\u0000b", "a\nb", "a$b", "a~b"})
    void rejectsMlflowBadKeys(String key) {
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkKey("Metric", key));
    }

    @Test
    void checksRunAndExperimentIds() {
        assertDoesNotThrow(() -> TrackingInputChecks.checkRunId("a".repeat(32)));
        assertDoesNotThrow(() -> TrackingInputChecks.checkRunId("a".repeat(256)));
        assertDoesNotThrow(() -> TrackingInputChecks.checkRunId("a_".repeat(32)));
        for (String bad : List.of("a/bc".repeat(8), "", "a".repeat(400), "*****", "..")) {
            assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkRunId(bad), bad);
        }
        assertDoesNotThrow(() -> TrackingInputChecks.checkExperimentId("0"));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkExperimentId("../1"));
    }

    @Test
    void acceptsTheLimitsExactlyAndRejectsOneMore() {
        assertDoesNotThrow(() -> TrackingInputChecks.checkParam(new Param("k", "v".repeat(6000)), "r"));
        InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class,
                () -> TrackingInputChecks.checkParam(new Param("k", "v".repeat(6001)), "r"));
        assertTrue(e.getMessage().contains("maximum length of 6000"), e.getMessage());
        assertDoesNotThrow(() -> TrackingInputChecks.checkRunTag(new RunTag("k", "v".repeat(8000)), "r"));
        assertThrows(InvalidTrackingInputException.class,
                () -> TrackingInputChecks.checkRunTag(new RunTag("k", "v".repeat(8001)), "r"));
        assertDoesNotThrow(() -> TrackingInputChecks.checkKey("Param", "k".repeat(250)));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkKey("Param",
                "k".repeat(251)));
        assertThrows(InvalidTrackingInputException.class,
                () -> TrackingInputChecks.checkMetric(new Metric("m", 1, -1, 0)));
    }

    @Test
    void checksBatchCountsAsMlflowDoes() {
        List<Metric> metrics1000 = java.util.Collections.nCopies(1000, new Metric("m", 1, 1, 0));
        List<Param> params100 = java.util.stream.IntStream.range(0, 100).mapToObj(i -> new Param("p" + i, "v"))
                .toList();
        List<RunTag> tags100 = java.util.Collections.nCopies(100, new RunTag("t", "v"));
        assertDoesNotThrow(() -> TrackingInputChecks.checkBatch("r", metrics1000, List.of(), List.of()));
        assertDoesNotThrow(() -> TrackingInputChecks.checkBatch("r", List.of(), params100, tags100));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkBatch("r",
                java.util.Collections.nCopies(1001, new Metric("m", 1, 1, 0)), List.of(), List.of()));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkBatch("r", List.of(),
                java.util.stream.IntStream.range(0, 101).mapToObj(i -> new Param("p" + i, "v")).toList(),
                List.of()));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkBatch("r", List.of(),
                List.of(), java.util.Collections.nCopies(101, new RunTag("t", "v"))));
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkBatch("r",
                java.util.Collections.nCopies(900, new Metric("m", 1, 1, 0)),
                params100.subList(0, 51), tags100.subList(0, 50)));
    }

    @Test
    void normalisesAndGuardsArtifactPaths() {
        assertEquals("a/b.txt", TrackingInputChecks.checkArtifactPath("./a/b.txt", false));
        assertEquals("a", TrackingInputChecks.checkArtifactPath("a/", true));
        assertEquals("", TrackingInputChecks.checkArtifactPath("", true));
        for (String bad : List.of("../a", "a/../../b", "/etc/passwd", "C:\\x", "c:/x", "a\\b", "a#b", "a\u0000",
                "a//b", "a/./b")) {
            assertThrows(InvalidTrackingInputException.class,
                    () -> TrackingInputChecks.checkArtifactPath(bad, true), bad);
        }
        assertThrows(InvalidTrackingInputException.class, () -> TrackingInputChecks.checkArtifactPath("", false));
    }
}
