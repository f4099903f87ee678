package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mlops4j.core.ConfigurationException;

/**
 * What a check's value must satisfy to pass, as Evidently's test conditions: one or more bounds, all of which must
 * hold ({@code {"gte": 0.1, "lt": 0.5}}); {@code between} is {@code gte} and {@code lte} together. A NaN value
 * satisfies no condition.
 *
 * @param bounds the bounds, at least one
 */
public record Condition(List<Bound> bounds) {

    /** How a value is compared with a bound, with the key a suite file uses. */
    public enum Operator {
        /** Greater than. */
        GT("gt", ">"),
        /** Greater than or equal. */
        GTE("gte", "≥"),
        /** Less than. */
        LT("lt", "<"),
        /** Less than or equal. */
        LTE("lte", "≤"),
        /** Equal. */
        EQ("eq", "=");

        private final String key;
        private final String symbol;

        Operator(String key, String symbol) {
            this.key = key;
            this.symbol = symbol;
        }

        /** @return the key in a suite file, such as {@code "gte"} */
        public String key() {
            return key;
        }

        /** @return the mathematical symbol, for reports */
        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double bound) {
            return switch (this) {
                case GT -> value > bound;
                case GTE -> value >= bound;
                case LT -> value < bound;
                case LTE -> value <= bound;
                case EQ -> value == bound;
            };
        }

        /**
         * @param key a key such as {@code "lte"}, in any case
         * @return its operator
         * @throws ConfigurationException naming the accepted keys
         */
        public static Operator fromKey(String key) {
            for (Operator operator : values()) {
                if (operator.key.equalsIgnoreCase(key)) {
                    return operator;
                }
            }
            throw new ConfigurationException("Unknown condition '" + key + "'; expected gt, gte, lt, lte, eq or "
                    + "between");
        }
    }

    /**
     * One bound of a condition.
     *
     * @param operator how the value is compared
     * @param value    the bound, finite
     */
    public record Bound(Operator operator, double value) {

        /** Checks the bound. */
        public Bound {
            Objects.requireNonNull(operator, "operator");
            if (!Double.isFinite(value)) {
                throw new ConfigurationException("A condition's bound must be a finite number; found " + value
                        + " for '" + operator.key() + "'");
            }
        }

        /** @return the bound as a report shows it, such as {@code "≥ 0.5"} */
        public String describe() {
            return operator.symbol() + " " + format(value);
        }
    }

    /** Checks and copies the bounds. */
    public Condition {
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty()) {
            throw new ConfigurationException("A condition needs at least one bound (gt, gte, lt, lte, eq or between)");
        }
    }

    /**
     * @param operator how to compare
     * @param value    the bound
     * @return a condition of one bound
     */
    public static Condition of(Operator operator, double value) {
        return new Condition(List.of(new Bound(operator, value)));
    }

    /** @return value &gt; bound */
    public static Condition gt(double bound) {
        return of(Operator.GT, bound);
    }

    /** @return value ≥ bound */
    public static Condition gte(double bound) {
        return of(Operator.GTE, bound);
    }

    /** @return value &lt; bound */
    public static Condition lt(double bound) {
        return of(Operator.LT, bound);
    }

    /** @return value ≤ bound */
    public static Condition lte(double bound) {
        return of(Operator.LTE, bound);
    }

    /** @return value = bound */
    public static Condition eq(double bound) {
        return of(Operator.EQ, bound);
    }

    /**
     * @param low  the lowest value that passes
     * @param high the highest value that passes
     * @return low ≤ value ≤ high
     * @throws ConfigurationException when low is above high
     */
    public static Condition between(double low, double high) {
        if (low > high) {
            throw new ConfigurationException("A 'between' condition needs its low bound first; found [" + format(low)
                    + ", " + format(high) + "]");
        }
        return new Condition(List.of(new Bound(Operator.GTE, low), new Bound(Operator.LTE, high)));
    }

    /**
     * @param other more bounds
     * @return a condition that holds when both hold
     */
    public Condition and(Condition other) {
        List<Bound> all = new ArrayList<>(bounds);
        all.addAll(other.bounds);
        return new Condition(all);
    }

    /**
     * @param value a check's value
     * @return whether every bound holds; false for NaN
     */
    public boolean test(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        for (Bound bound : bounds) {
            if (!bound.operator().holds(value, bound.value())) {
                return false;
            }
        }
        return true;
    }

    /** @return the condition as a report shows it, such as {@code "≥ 0.5 and ≤ 1"} */
    public String describe() {
        return bounds.stream().map(Bound::describe).collect(Collectors.joining(" and "));
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+($|e)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", "");
    }
}
