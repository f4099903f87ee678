package org.mlops4j.drift.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;

class ConditionTest {

    private static final double BOUND = 0.3;
    private static final double BELOW = Math.nextDown(BOUND);
    private static final double ABOVE = Math.nextUp(BOUND);

    @Test
    void gtExcludesItsBound() {
        Condition gt = Condition.gt(BOUND);
        assertFalse(gt.test(BELOW));
        assertFalse(gt.test(BOUND));
        assertTrue(gt.test(ABOVE));
    }

    @Test
    void gteIncludesItsBound() {
        Condition gte = Condition.gte(BOUND);
        assertFalse(gte.test(BELOW));
        assertTrue(gte.test(BOUND));
        assertTrue(gte.test(ABOVE));
    }

    @Test
    void ltExcludesItsBound() {
        Condition lt = Condition.lt(BOUND);
        assertTrue(lt.test(BELOW));
        assertFalse(lt.test(BOUND));
        assertFalse(lt.test(ABOVE));
    }

    @Test
    void lteIncludesItsBound() {
        Condition lte = Condition.lte(BOUND);
        assertTrue(lte.test(BELOW));
        assertTrue(lte.test(BOUND));
        assertFalse(lte.test(ABOVE));
    }

    @Test
    void eqHoldsOnlyAtItsBound() {
        Condition eq = Condition.eq(BOUND);
        assertFalse(eq.test(BELOW));
        assertTrue(eq.test(BOUND));
        assertFalse(eq.test(ABOVE));
    }

    @Test
    void betweenIncludesBothEnds() {
        Condition between = Condition.between(1, 5);
        assertFalse(between.test(Math.nextDown(1.0)));
        assertTrue(between.test(1));
        assertTrue(between.test(3));
        assertTrue(between.test(5));
        assertFalse(between.test(Math.nextUp(5.0)));
    }

    @Test
    void everyBoundOfACombinedConditionMustHold() {
        Condition band = Condition.gt(1).and(Condition.lt(2));
        assertFalse(band.test(1));
        assertTrue(band.test(1.5));
        assertFalse(band.test(2));
        assertEquals("> 1 and < 2", band.describe());
    }

    @Test
    void nanSatisfiesNoCondition() {
        for (Condition condition : new Condition[] {Condition.gt(0), Condition.gte(0), Condition.lt(0),
            Condition.lte(0), Condition.eq(0), Condition.between(-1, 1)}) {
            assertFalse(condition.test(Double.NaN), condition.describe());
        }
    }

    @Test
    void describesEachBoundWithItsSymbol() {
        assertEquals("≥ 0.9 and ≤ 1.1", Condition.between(0.9, 1.1).describe());
        assertEquals("= 0", Condition.eq(0).describe());
    }

    @Test
    void refusesABetweenWhoseLowBoundIsAboveItsHighBound() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Condition.between(5, 1));
        assertTrue(e.getMessage().contains("[5, 1]"), e.getMessage());
    }

    @Test
    void refusesAnInfiniteBound() {
        assertThrows(ConfigurationException.class, () -> Condition.lt(Double.POSITIVE_INFINITY));
    }
}
