package org.mlops4j.core.tracking;

/** A comparison in a filter term. */
public enum Operator {
    /** {@code =} */
    EQ("="),
    /** {@code !=}: a missing value does not match. */
    NE("!="),
    /** {@code <} */
    LT("<"),
    /** {@code <=} */
    LE("<="),
    /** {@code >} */
    GT(">"),
    /** {@code >=} */
    GE(">="),
    /** {@code LIKE}: {@code %} matches any text, {@code _} one character; case-sensitive. */
    LIKE("LIKE"),
    /** {@code ILIKE}: as LIKE, ignoring case. */
    ILIKE("ILIKE"),
    /** {@code IN ('a', 'b')} */
    IN("IN"),
    /** {@code NOT IN ('a', 'b')}: a missing value does not match. */
    NOT_IN("NOT IN"),
    /** {@code IS NULL}: the param or tag is not set. */
    IS_NULL("IS NULL"),
    /** {@code IS NOT NULL}: the param or tag is set. */
    IS_NOT_NULL("IS NOT NULL");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** @return how it is written in a filter */
    public String symbol() {
        return symbol;
    }

    /** @return whether it is one of {@code = != < <= > >=} */
    public boolean isComparison() {
        return ordinal() <= GE.ordinal();
    }
}
