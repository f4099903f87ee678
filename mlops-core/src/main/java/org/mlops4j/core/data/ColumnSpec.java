package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a {@link Schema} expects of one column: its name and, optionally, its type, whether it may hold nulls, the
 * values it may hold (categorical and text columns) and the inclusive range of its values (numeric columns).
 *
 * <p>A spec without a type accepts a column of any type; such specs come from {@link Schema#ofNames(List)}. Allowed
 * values apply only to categorical and text columns and a range only to numeric columns; an untyped spec applies
 * them when the column has a fitting type. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ColumnSpec tier = ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build();
 * }</pre>
 *
 * @param name          the column's name, not blank
 * @param type          the column's type, or empty to accept any type
 * @param nullable      whether the column may hold nulls
 * @param allowedValues the values the column may hold, in a stable order, without repeats; empty means any value
 * @param min           the smallest value allowed (inclusive), if any; finite
 * @param max           the largest value allowed (inclusive), if any; finite and not below {@code min}
 */
public record ColumnSpec(String name, Optional<ColumnType> type, boolean nullable, List<String> allowedValues,
                         OptionalDouble min, OptionalDouble max) {

    /**
     * Checks the spec and copies its list.
     *
     * @throws SchemaException naming the column when a rule does not fit the type, a value repeats, a bound is not
     *                         finite, or {@code min > max}
     */
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(allowedValues, "allowedValues");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (name.isBlank()) {
            throw new SchemaException("A column name in a schema must not be blank");
        }
        allowedValues = checkAllowedValues(name, allowedValues);
        checkBound(name, "min", min);
        checkBound(name, "max", max);
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new SchemaException("Column '" + name + "': min " + formatNumber(min.getAsDouble())
                    + " is greater than max " + formatNumber(max.getAsDouble()) + "; make min <= max");
        }
        if (type.isPresent()) {
            ColumnType t = type.get();
            if (!allowedValues.isEmpty() && t != ColumnType.CATEGORICAL && t != ColumnType.TEXT) {
                throw new SchemaException("Column '" + name + "' is " + t.key()
                        + " but has allowed values; allowed values apply to categorical and text columns only");
            }
            if ((min.isPresent() || max.isPresent()) && t != ColumnType.NUMERIC) {
                throw new SchemaException("Column '" + name + "' is " + t.key()
                        + " but has a min or max; a range applies to numeric columns only");
            }
        }
    }

    /**
     * @param name the column's name
     * @return a spec that accepts any column of that name: any type, nulls allowed, any value
     */
    public static ColumnSpec named(String name) {
        return builder(name).build();
    }

    /**
     * @param name the column's name
     * @param type the column's type
     * @return a spec for a nullable column of that type with any value
     */
    public static ColumnSpec of(String name, ColumnType type) {
        return builder(name).type(type).build();
    }

    /**
     * @param name the column's name
     * @return a builder for a spec with no constraints yet: any type, nullable, any value
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder that starts from this spec */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        builder.type = type.orElse(null);
        builder.nullable = nullable;
        builder.allowedValues = new ArrayList<>(allowedValues);
        builder.min = min;
        builder.max = max;
        return builder;
    }

    /**
     * @param columnType a column's type
     * @return whether this spec accepts that type as it is (an untyped spec accepts every type)
     */
    public boolean acceptsType(ColumnType columnType) {
        return type.isEmpty() || type.get() == columnType;
    }

    /** @return whether the spec restricts values by an allowed list or a range */
    public boolean restrictsValues() {
        return !allowedValues.isEmpty() || min.isPresent() || max.isPresent();
    }

    /** @return the range as text, such as {@code "in [0, 89]"} or {@code ">= 0"}; empty when there is no range */
    String describeRange() {
        if (min.isPresent() && max.isPresent()) {
            return "in [" + formatNumber(min.getAsDouble()) + ", " + formatNumber(max.getAsDouble()) + "]";
        }
        if (min.isPresent()) {
            return ">= " + formatNumber(min.getAsDouble());
        }
        return max.isPresent() ? "<= " + formatNumber(max.getAsDouble()) : "";
    }

    /** @return the allowed values as text, abbreviated after 10 values */
    String describeAllowedValues() {
        if (allowedValues.size() <= 10) {
            return "one of " + allowedValues;
        }
        return "one of " + allowedValues.size() + " values " + allowedValues.subList(0, 10).toString()
                .replace("]", ", ...]");
    }

    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static List<String> checkAllowedValues(String name, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null) {
                throw new SchemaException("Column '" + name + "' lists null as an allowed value; nulls are governed by"
                        + " 'nullable', so remove it from the allowed values");
            }
            if (!seen.add(value)) {
                throw new SchemaException("Column '" + name + "' lists the allowed value '" + value
                        + "' more than once; list each value once");
            }
        }
        return List.copyOf(values);
    }

    private static void checkBound(String name, String which, OptionalDouble bound) {
        if (bound.isPresent() && !Double.isFinite(bound.getAsDouble())) {
            throw new SchemaException("Column '" + name + "': " + which + " is " + bound.getAsDouble()
                    + "; a bound must be a finite number (leave it out for no bound)");
        }
    }

    /** Collects a {@link ColumnSpec} field by field; not thread-safe. */
    public static final class Builder {
        private final String name;
        private ColumnType type;
        private boolean nullable = true;
        private List<String> allowedValues = new ArrayList<>();
        private OptionalDouble min = OptionalDouble.empty();
        private OptionalDouble max = OptionalDouble.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param type the column's type, or {@code null} to accept any type
         * @return this builder
         */
        public Builder type(ColumnType type) {
            this.type = type;
            return this;
        }

        /**
         * @param nullable whether the column may hold nulls; default {@code true}
         * @return this builder
         */
        public Builder nullable(boolean nullable) {
            this.nullable = nullable;
            return this;
        }

        /**
         * @param values the values the column may hold; replaces any set before; empty means any value
         * @return this builder
         */
        public Builder allowedValues(Collection<String> values) {
            this.allowedValues = new ArrayList<>(values);
            return this;
        }

        /**
         * @param values the values the column may hold; replaces any set before
         * @return this builder
         */
        public Builder allowedValues(String... values) {
            return allowedValues(List.of(values));
        }

        /**
         * @param min the smallest value allowed, inclusive
         * @return this builder
         */
        public Builder min(double min) {
            this.min = OptionalDouble.of(min);
            return this;
        }

        /**
         * @param max the largest value allowed, inclusive
         * @return this builder
         */
        public Builder max(double max) {
            this.max = OptionalDouble.of(max);
            return this;
        }

        /**
         * @param min the smallest value allowed, inclusive
         * @param max the largest value allowed, inclusive
         * @return this builder
         */
        public Builder range(double min, double max) {
            return min(min).max(max);
        }

        /**
         * @return the spec
         * @throws SchemaException when the fields do not fit together (see {@link ColumnSpec})
         */
        public ColumnSpec build() {
            return new ColumnSpec(name, Optional.ofNullable(type), nullable, allowedValues, min, max);
        }
    }
}
