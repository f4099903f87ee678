package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a failing step is tried and how long the runner waits between attempts: exponential backoff with
 * jitter.
 *
 * <p>Before attempt {@code n + 1} (after {@code n} failed attempts) the runner waits
 * {@code base = min(maxDelay, initialDelay * multiplier^(n-1))}, reduced by a random share of at most {@code jitter}:
 * {@code delay = base * (1 - jitter * u)} with {@code u} uniform in {@code [0, 1)}. So {@code jitter = 0} gives exact
 * exponential backoff and {@code jitter = 1} gives "full jitter" in {@code (0, base]}. The random numbers come from the
 * runner's generator, which tests can seed ({@link PipelineRunner.Builder#random(RandomGenerator)}).
 *
 * <p>A timed-out attempt is retried like a failed one. Waiting does not hold a worker thread.
 *
 * @param maxAttempts  how many attempts in all, at least 1 (1 means no retry)
 * @param initialDelay the wait before the second attempt, before jitter
 * @param multiplier   the factor by which the wait grows per attempt, at least 1
 * @param maxDelay     the longest wait, before jitter; at least {@code initialDelay}
 * @param jitter       the largest share of the wait that is randomly removed, from 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                          double jitter) {

    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0);

    /**
     * @throws IllegalArgumentException when a value is out of its range
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Expected 0 <= initialDelay <= maxDelay, found initialDelay "
                    + initialDelay + " and maxDelay " + maxDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** @return a single attempt, no retry (the default for steps) */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * @param retries how many times to retry after the first attempt fails, at least 0
     * @return that many retries with 1 second initial delay, doubling up to 5 minutes, jitter 0.5
     */
    public static RetryPolicy retries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, was " + retries);
        }
        return new RetryPolicy(retries + 1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.5);
    }

    /**
     * @param delay the wait before the second attempt
     * @return this policy with another initial delay (the maximum delay grows to it when smaller)
     */
    public RetryPolicy withInitialDelay(Duration delay) {
        return new RetryPolicy(maxAttempts, delay, multiplier, max(maxDelay, delay), jitter);
    }

    /**
     * @param factor the growth factor per attempt, at least 1
     * @return this policy with another multiplier
     */
    public RetryPolicy withMultiplier(double factor) {
        return new RetryPolicy(maxAttempts, initialDelay, factor, maxDelay, jitter);
    }

    /**
     * @param delay the longest wait; at least the initial delay
     * @return this policy with another maximum delay
     */
    public RetryPolicy withMaxDelay(Duration delay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, delay, jitter);
    }

    /**
     * @param share the largest share of a wait that is randomly removed, from 0 to 1
     * @return this policy with another jitter
     */
    public RetryPolicy withJitter(double share) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, share);
    }

    /**
     * The wait after a failed attempt.
     *
     * @param failedAttempt the number of the attempt that failed, from 1
     * @param random        where jitter comes from
     * @return the wait before the next attempt
     */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt counts from 1, was " + failedAttempt);
        }
        double base = initialDelay.toNanos() * Math.pow(multiplier, failedAttempt - 1.0);
        double capped = Math.min(base, maxDelay.toNanos());
        double jittered = jitter == 0.0 ? capped : capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos(Math.round(jittered));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
