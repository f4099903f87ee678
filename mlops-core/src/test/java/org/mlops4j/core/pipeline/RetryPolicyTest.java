package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static List<Duration> delays(RetryPolicy policy, long seed, int count) {
        Random random = new Random(seed);
        List<Duration> out = new ArrayList<>();
        for (int attempt = 1; attempt <= count; attempt++) {
            out.add(policy.delayAfter(attempt, random));
        }
        return out;
    }

    @Test
    void growsExponentiallyUpToTheMaximumWithoutJitter() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 0.0);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500)), delays(policy, 1, 5));
    }

    @Test
    void jitterRemovesAtMostItsShareAndIsRepeatableWithASeed() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(10), 0.5);
        List<Duration> first = delays(policy, 42, 6);
        assertEquals(first, delays(policy, 42, 6));
        assertNotEquals(first, delays(policy, 43, 6));
        double base = 100;
        for (Duration delay : first) {
            double capped = Math.min(base, 10_000);
            double millis = delay.toNanos() / 1e6;
            assertTrue(millis > capped * 0.5 - 1e-6 && millis <= capped + 1e-6, delay + " vs base " + capped);
            base *= 3;
        }
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), 1, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ZERO, 1, Duration.ZERO, 1.5));
        assertEquals(3, RetryPolicy.retries(2).maxAttempts());
    }
}
