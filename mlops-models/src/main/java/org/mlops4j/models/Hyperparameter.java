package org.mlops4j.models;

import java.util.List;
import java.util.Random;

/**
 * One dimension of a model family's documented search space, sampled uniformly by random search.
 *
 * @param name        the parameter's key, as in {@link ModelFamily#defaults()}
 * @param kind        integer range, real range, log-uniform real range or a choice
 * @param low         the smallest value (ranges only)
 * @param high        the largest value, inclusive (ranges only)
 * @param choices     the values to choose from (choices only)
 * @param description what the parameter does
 */
public record Hyperparameter(String name, Kind kind, double low, double high, List<String> choices,
        String description) {

    /** How a parameter is sampled. */
    public enum Kind {
        /** An integer, uniform over {@code [low, high]}. */
        INTEGER,
        /** A real, uniform over {@code [low, high]}. */
        REAL,
        /** A positive real, uniform in logarithm over {@code [low, high]}. */
        LOG_REAL,
        /** One of {@code choices}, each equally likely. */
        CHOICE
    }

    /** Copies the choices and checks the range. */
    public Hyperparameter {
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE ? choices.isEmpty() : !(low <= high) || (kind == Kind.LOG_REAL && low <= 0)) {
            throw new IllegalArgumentException("Invalid search range for '" + name + "'");
        }
    }

    /** @param name key @param low smallest @param high largest @param description meaning @return an integer range */
    public static Hyperparameter integer(String name, int low, int high, String description) {
        return new Hyperparameter(name, Kind.INTEGER, low, high, List.of(), description);
    }

    /** @param name key @param low smallest @param high largest @param description meaning @return a real range */
    public static Hyperparameter real(String name, double low, double high, String description) {
        return new Hyperparameter(name, Kind.REAL, low, high, List.of(), description);
    }

    /** @param name key @param low smallest (&gt; 0) @param high largest @param description meaning @return a log range */
    public static Hyperparameter logReal(String name, double low, double high, String description) {
        return new Hyperparameter(name, Kind.LOG_REAL, low, high, List.of(), description);
    }

    /** @param name key @param description meaning @param choices the values @return a choice */
    public static Hyperparameter choice(String name, String description, String... choices) {
        return new Hyperparameter(name, Kind.CHOICE, 0, 0, List.of(choices), description);
    }

    /**
     * @param random the source of randomness
     * @return a value: an {@link Integer}, a {@link Double} or a {@link String} by kind
     */
    public Object sample(Random random) {
        return switch (kind) {
            case INTEGER -> (int) low + random.nextInt((int) high - (int) low + 1);
            case REAL -> low + random.nextDouble() * (high - low);
            case LOG_REAL -> Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
            case CHOICE -> choices.get(random.nextInt(choices.size()));
        };
    }

    /** @return the range or choices as text, for documentation and logs */
    public String describeRange() {
        return switch (kind) {
            case INTEGER -> "int[" + (int) low + ", " + (int) high + "]";
            case REAL -> "U(" + low + ", " + high + ")";
            case LOG_REAL -> "logU(" + low + ", " + high + ")";
            case CHOICE -> String.valueOf(choices);
        };
    }
}
