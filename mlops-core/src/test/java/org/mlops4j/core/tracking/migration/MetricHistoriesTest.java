package org.mlops4j.core.tracking.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.tracking.Metric;

class MetricHistoriesTest {

    private static final Metric FIRST = new Metric("auc", 0.7, 10, 0);
    private static final Metric AGAIN = new Metric("auc", 0.7, 10, 0);
    private static final Metric LATER = new Metric("auc", 0.8, 20, 0);
    private static final Metric NAN = new Metric("auc", Double.NaN, 30, 1);

    @Test
    void aValueLoggedTwiceIsMissingOnceWhenTheTargetHasItOnce() {
        assertEquals(List.of(AGAIN, LATER), MetricHistories.missing(List.of(FIRST, AGAIN, LATER), List.of(FIRST)));
        assertEquals(List.of(), MetricHistories.missing(List.of(FIRST, NAN), List.of(NAN, FIRST)));
    }

    @Test
    void historiesAreTheSameWhateverTheirOrderAndNanEqualsNan() {
        assertTrue(MetricHistories.same(List.of(FIRST, AGAIN, NAN), List.of(NAN, AGAIN, FIRST)));
        assertFalse(MetricHistories.same(List.of(FIRST, AGAIN), List.of(FIRST, LATER)));
        assertFalse(MetricHistories.same(List.of(FIRST, AGAIN), List.of(FIRST)));
        assertFalse(MetricHistories.same(List.of(FIRST), List.of(new Metric("auc", 0.7, 10, 1))), "another step");
    }
}
