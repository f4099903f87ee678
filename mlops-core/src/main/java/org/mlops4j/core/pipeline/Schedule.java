package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a {@link PipelineScheduler} runs a pipeline: on a cron expression in a time zone, or at a fixed rate.
 * Immutable and thread-safe.
 */
public sealed interface Schedule permits Schedule.Cron, Schedule.FixedRate {

    /**
     * @param after a time
     * @return the first fire time strictly after it; empty when there is none
     */
    Optional<Instant> nextAfter(Instant after);

    /**
     * @param expression a five-field cron expression or macro, evaluated in UTC
     * @return the schedule
     * @throws org.mlops4j.core.ConfigurationException when the expression is invalid
     */
    static Schedule cron(String expression) {
        return new Cron(CronExpression.parse(expression), ZoneOffset.UTC);
    }

    /**
     * @param expression a five-field cron expression or macro
     * @param zone       the time zone whose local time the expression reads
     * @return the schedule
     * @throws org.mlops4j.core.ConfigurationException when the expression is invalid
     */
    static Schedule cron(String expression, ZoneId zone) {
        return new Cron(CronExpression.parse(expression), zone);
    }

    /**
     * @param period the time between fires; fires fall on whole multiples of it since the epoch (every 15 minutes
     *               fires at :00, :15, :30 and :45 UTC)
     * @return the schedule
     */
    static Schedule fixedRate(Duration period) {
        return new FixedRate(period, Instant.EPOCH);
    }

    /**
     * A cron schedule.
     *
     * @param expression the expression
     * @param zone       the zone it is read in
     */
    record Cron(CronExpression expression, ZoneId zone) implements Schedule {
        /** Checks that nothing is {@code null}. */
        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return expression.next(after.atZone(zone)).map(java.time.ZonedDateTime::toInstant);
        }
    }

    /**
     * A fixed-rate schedule: fires at {@code anchor + k * period}.
     *
     * @param period the time between fires, positive
     * @param anchor one fire time
     */
    record FixedRate(Duration period, Instant anchor) implements Schedule {
        /** Checks the period is positive. */
        public FixedRate {
            Objects.requireNonNull(anchor, "anchor");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A fixed rate needs a positive period, was " + period);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            long periods = Duration.between(anchor, after).dividedBy(period);
            Instant candidate = anchor.plus(period.multipliedBy(periods));
            while (!candidate.isAfter(after)) {
                candidate = candidate.plus(period);
            }
            while (candidate.minus(period).isAfter(after)) {
                candidate = candidate.minus(period);
            }
            return Optional.of(candidate);
        }
    }
}
