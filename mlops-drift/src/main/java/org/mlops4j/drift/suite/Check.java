package org.mlops4j.drift.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared check of a suite: what to compute, on which columns, the condition it must meet, and whether a miss
 * fails the suite or only warns (Evidently's {@code is_critical}).
 *
 * <pre>{@code
 * Check.of(CheckKind.MISSING_SHARE).columns("age").when(Condition.lte(0.05)).warnOnly()
 * }</pre>
 *
 * @param kind      what the check computes
 * @param columns   the columns to check, one result each; empty for every column the check applies to (ignored by
 *                  {@link CheckKind#ROW_COUNT}, {@link CheckKind#MODEL_QUALITY})
 * @param condition what the value must satisfy; empty for the kind's default, computed from the reference
 * @param critical  whether a miss fails the suite (true) or warns (false)
 * @param options   the kind's options: {@code stattest}, {@code threshold} (drift), {@code metric}, {@code target},
 *                  {@code prediction} (model quality)
 */
public record Check(CheckKind kind, List<String> columns, Optional<Condition> condition, boolean critical,
                    Map<String, String> options) {

    /** Checks and copies. */
    public Check {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        Objects.requireNonNull(condition, "condition");
        options = Map.copyOf(options);
    }

    /**
     * @param kind what to compute
     * @return a critical check of every applicable column with the kind's default condition
     */
    public static Check of(CheckKind kind) {
        return new Check(kind, List.of(), Optional.empty(), true, Map.of());
    }

    /**
     * @param names the columns to check
     * @return this check on these columns
     */
    public Check columns(String... names) {
        return new Check(kind, List.of(names), condition, critical, options);
    }

    /**
     * @param required what the value must satisfy
     * @return this check with that condition
     */
    public Check when(Condition required) {
        return new Check(kind, columns, Optional.of(required), critical, options);
    }

    /** @return this check, warning instead of failing when its condition does not hold */
    public Check warnOnly() {
        return new Check(kind, columns, condition, false, options);
    }

    /**
     * @param key   an option's name
     * @param value its value
     * @return this check with the option set
     */
    public Check option(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(key, value);
        return new Check(kind, columns, condition, critical, more);
    }

    /**
     * @param key an option's name
     * @return its value, if set
     */
    public Optional<String> findOption(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
