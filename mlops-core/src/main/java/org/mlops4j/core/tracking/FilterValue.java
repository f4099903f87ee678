package org.mlops4j.core.tracking;

import java.util.List;
import java.util.Objects;

/** The right-hand side of a filter term: a number, a text, a list of texts, or nothing (for IS NULL). */
public sealed interface FilterValue {

    /**
     * A numeric literal.
     *
     * @param value the number
     */
    record Number(double value) implements FilterValue {
    }

    /**
     * A quoted text (for LIKE and ILIKE, a pattern).
     *
     * @param value the text without quotes
     */
    record Text(String value) implements FilterValue {
        /** Checks the text is present. */
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The texts of {@code IN (...)} and {@code NOT IN (...)}.
     *
     * @param values the texts, at least one
     */
    record TextList(List<String> values) implements FilterValue {
        /** Copies the list. */
        public TextList {
            values = List.copyOf(values);
        }
    }

    /** No value, for {@code IS NULL} and {@code IS NOT NULL}. */
    record None() implements FilterValue {
    }
}
