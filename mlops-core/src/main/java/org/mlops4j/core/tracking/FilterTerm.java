package org.mlops4j.core.tracking;

import org.mlops4j.core.spi.support.LikePattern;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One comparison of a filter, such as {@code metrics.auc > 0.8}. A metric, param, tag or end time that is missing
 * never matches, not even {@code !=} or {@code NOT IN}; only {@code IS NULL} matches a missing param or tag. NaN
 * matches only {@code !=}.
 *
 *
 * <p>Immutable and thread-safe.
 */
public final class FilterTerm {

    private final SearchKey key;
    private final Operator operator;
    private final FilterValue value;
    private final Pattern like;

    /**
     * @param key      what is compared
     * @param operator how
     * @param value    with what: a {@link FilterValue.Number} for numeric keys, a {@link FilterValue.Text} or
     *                 {@link FilterValue.TextList} for text keys, {@link FilterValue.None} for IS (NOT) NULL
     */
    public FilterTerm(SearchKey key, Operator operator, FilterValue value) {
        this.key = Objects.requireNonNull(key, "key");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.value = Objects.requireNonNull(value, "value");
        this.like = operator == Operator.LIKE || operator == Operator.ILIKE
                ? LikePattern.compile(((FilterValue.Text) value).value(), operator == Operator.ILIKE)
                : null;
    }

    /** @return what is compared */
    public SearchKey key() {
        return key;
    }

    /** @return how */
    public Operator operator() {
        return operator;
    }

    /** @return with what */
    public FilterValue value() {
        return value;
    }

    /**
     * @param run a run with its latest metrics, params and tags
     * @return whether the run meets this term
     */
    public boolean matches(Run run) {
        return switch (key.entity()) {
            case METRIC -> {
                Metric metric = run.data().metrics().get(key.key());
                yield metric != null && compareNumber(metric.value());
            }
            case PARAM -> matchesText(run.data().param(key.key()));
            case TAG -> matchesText(run.data().tag(key.key()));
            case ATTRIBUTE -> {
                RunAttribute attribute = key.attribute();
                if (attribute.isNumeric()) {
                    Optional<Long> number = attribute.number(run.info());
                    yield number.isPresent() && compareNumber(number.get());
                }
                yield matchesText(attribute.text(run.info()));
            }
        };
    }

    private boolean compareNumber(double actual) {
        double expected = ((FilterValue.Number) value).value();
        return switch (operator) {
            case EQ -> actual == expected;
            case NE -> actual != expected;
            case LT -> actual < expected;
            case LE -> actual <= expected;
            case GT -> actual > expected;
            case GE -> actual >= expected;
            default -> throw new IllegalStateException(operator + " on a number");
        };
    }

    private boolean matchesText(Optional<String> actual) {
        if (operator == Operator.IS_NULL) {
            return actual.isEmpty();
        }
        if (operator == Operator.IS_NOT_NULL) {
            return actual.isPresent();
        }
        if (actual.isEmpty()) {
            return false;
        }
        String text = actual.get();
        return switch (operator) {
            case EQ -> text.equals(text());
            case NE -> !text.equals(text());
            case LIKE, ILIKE -> like.matcher(text).matches();
            case IN -> ((FilterValue.TextList) value).values().contains(text);
            case NOT_IN -> !((FilterValue.TextList) value).values().contains(text);
            default -> throw new IllegalStateException(operator + " on text");
        };
    }

    private String text() {
        return ((FilterValue.Text) value).value();
    }

    @Override
    public String toString() {
        String right = "";
        if (value instanceof FilterValue.Number n) {
            right = Double.toString(n.value());
        } else if (value instanceof FilterValue.Text t) {
            right = quote(t.value());
        } else if (value instanceof FilterValue.TextList l) {
            right = "(" + String.join(", ", l.values().stream().map(FilterTerm::quote).toList()) + ")";
        }
        return (key + " " + operator.symbol() + " " + right).trim();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterTerm t && t.key.equals(key) && t.operator == operator && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, value);
    }
}
