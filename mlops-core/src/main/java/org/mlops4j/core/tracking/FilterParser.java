package org.mlops4j.core.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written recursive-descent parser for MLflow's run filter grammar and order-by clauses:
 *
 * <pre>
 * filter     := term ( AND term )*
 * term       := identifier operator value
 * identifier := [ entity "." ] key          entity: metrics | params | tags | attributes (and their aliases)
 * key        := word | 'quoted' | "quoted" | `quoted`
 * operator   := = | != | &lt; | &lt;= | &gt; | &gt;= | LIKE | ILIKE | IN | NOT IN | IS NULL | IS NOT NULL
 * value      := number | 'text' | "text" | ( 'text' [, 'text']* )
 * order      := identifier [ ASC | DESC ]
 * </pre>
 *
 * Keywords are case-insensitive; a quote inside a quoted text is doubled ({@code 'it''s'}). Every error names the
 * position where the parser stopped. One instance parses one text; not thread-safe.
 */
final class FilterParser {

    private static final String OPERATORS = "=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL";

    private final String text;
    private int pos;

    FilterParser(String text) {
        this.text = text;
    }

    List<FilterTerm> parseFilter() {
        List<FilterTerm> terms = new ArrayList<>();
        skipSpaces();
        if (atEnd()) {
            return terms;
        }
        while (true) {
            terms.add(parseTerm());
            skipSpaces();
            if (atEnd()) {
                return terms;
            }
            int at = pos;
            String word = readWord();
            if (!word.equalsIgnoreCase("and")) {
                String found = word.isEmpty() ? String.valueOf(text.charAt(at)) : word;
                String hint = found.equalsIgnoreCase("or") ? " (OR is not supported: run one search per alternative)"
                        : "";
                throw error("expected AND or the end of the filter, found '" + found + "'" + hint, at);
            }
            skipSpaces();
            if (atEnd()) {
                throw error("expected a comparison after AND, found the end of the filter", pos);
            }
        }
    }

    OrderClause parseOrderClause() {
        skipSpaces();
        SearchKey key = parseIdentifier();
        skipSpaces();
        boolean ascending = true;
        if (!atEnd()) {
            int at = pos;
            String word = readWord();
            if (word.equalsIgnoreCase("desc")) {
                ascending = false;
            } else if (!word.equalsIgnoreCase("asc")) {
                throw error("expected ASC, DESC or the end of the order clause, found '"
                        + (word.isEmpty() ? text.substring(at) : word) + "'", at);
            }
            skipSpaces();
            if (!atEnd()) {
                throw error("expected the end of the order clause, found '" + text.substring(pos) + "'", pos);
            }
        }
        return new OrderClause(key, ascending);
    }

    private FilterTerm parseTerm() {
        int keyAt = pos;
        SearchKey key = parseIdentifier();
        skipSpaces();
        int operatorAt = pos;
        Operator operator = parseOperator();
        skipSpaces();
        checkOperator(key, operator, keyAt, operatorAt);
        int valueAt = pos;
        FilterValue value = parseValue(operator);
        if (key.isNumeric() && !(value instanceof FilterValue.Number)) {
            throw error("expected a number to compare " + describe(key) + " with, found " + shown(valueAt)
                    + (value instanceof FilterValue.Text ? " (a quoted text)" : ""), valueAt);
        }
        if (!key.isNumeric() && value instanceof FilterValue.Number) {
            throw error("expected a quoted text to compare " + describe(key) + " with, such as '"
                    + text.substring(valueAt, pos) + "', found the number " + text.substring(valueAt, pos), valueAt);
        }
        return new FilterTerm(key, operator, value);
    }

    private void checkOperator(SearchKey key, Operator operator, int keyAt, int operatorAt) {
        boolean allowed;
        String accepted;
        if (key.isNumeric()) {
            allowed = operator.isComparison();
            accepted = "=, !=, <, <=, >, >=";
        } else if (key.entity() == EntityType.ATTRIBUTE) {
            allowed = operator == Operator.EQ || operator == Operator.NE || operator == Operator.LIKE
                    || operator == Operator.ILIKE || operator == Operator.IN || operator == Operator.NOT_IN;
            accepted = "=, !=, LIKE, ILIKE, IN, NOT IN";
        } else {
            allowed = !operator.isComparison() || operator == Operator.EQ || operator == Operator.NE;
            accepted = "=, !=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL";
        }
        if (!allowed) {
            throw error("the operator " + operator.symbol() + " cannot be used with " + describe(key)
                    + "; accepted: " + accepted, operatorAt);
        }
    }

    private SearchKey parseIdentifier() {
        int start = pos;
        if (atEnd()) {
            throw error("expected an identifier such as metrics.auc, params.model or tags.team, found the end", pos);
        }
        String first;
        boolean firstQuoted = isQuote(peek());
        if (firstQuoted) {
            first = readQuoted();
        } else {
            first = readWord();
            if (first.isEmpty()) {
                throw error("expected an identifier such as metrics.auc, params.model or tags.team, found "
                        + shown(start), start);
            }
        }
        if (!atEnd() && peek() == '.') {
            EntityType entity = EntityType.fromPrefix(first).orElseThrow(() -> error("unknown entity '" + first
                    + "'; expected metrics, params, tags or attributes (or metric, param, parameter(s), tag, "
                    + "attribute, attr, run)", start));
            pos++;
            int keyAt = pos;
            String key;
            if (!atEnd() && isQuote(peek())) {
                key = readQuoted();
            } else {
                key = readBareKey();
            }
            if (key.isEmpty()) {
                throw error("expected a key after '" + first + ".', found " + shown(keyAt)
                        + "; quote keys with spaces or symbols: " + first + ".`my key`", keyAt);
            }
            return entity == EntityType.ATTRIBUTE ? attribute(key, keyAt) : new SearchKey(entity, key);
        }
        return attribute(first, start);
    }

    private SearchKey attribute(String name, int at) {
        RunAttribute attribute = RunAttribute.fromKey(name).orElseThrow(() -> error("unknown attribute '" + name
                + "'; expected one of " + RunAttribute.acceptedNames()
                + ", or a prefixed key such as metrics." + name + ", params." + name + " or tags." + name, at));
        return new SearchKey(EntityType.ATTRIBUTE, attribute.key());
    }

    private Operator parseOperator() {
        int start = pos;
        if (atEnd()) {
            throw error("expected a comparison operator (" + OPERATORS + "), found the end of the filter", pos);
        }
        char c = peek();
        if (c == '=') {
            pos++;
            return Operator.EQ;
        }
        if (c == '!' && next('=')) {
            pos += 2;
            return Operator.NE;
        }
        if (c == '<' || c == '>') {
            pos++;
            boolean orEqual = !atEnd() && peek() == '=';
            if (orEqual) {
                pos++;
            }
            return c == '<' ? (orEqual ? Operator.LE : Operator.LT) : (orEqual ? Operator.GE : Operator.GT);
        }
        String word = readWord().toUpperCase(Locale.ROOT);
        switch (word) {
            case "LIKE":
                return Operator.LIKE;
            case "ILIKE":
                return Operator.ILIKE;
            case "IN":
                return Operator.IN;
            case "NOT":
                skipSpaces();
                int inAt = pos;
                if (readWord().equalsIgnoreCase("IN")) {
                    return Operator.NOT_IN;
                }
                throw error("expected IN after NOT, found " + shown(inAt), inAt);
            case "IS":
                skipSpaces();
                int nextAt = pos;
                String next = readWord().toUpperCase(Locale.ROOT);
                if (next.equals("NULL")) {
                    return Operator.IS_NULL;
                }
                if (next.equals("NOT")) {
                    skipSpaces();
                    int nullAt = pos;
                    if (readWord().equalsIgnoreCase("NULL")) {
                        return Operator.IS_NOT_NULL;
                    }
                    throw error("expected NULL after IS NOT, found " + shown(nullAt), nullAt);
                }
                throw error("expected NULL or NOT NULL after IS, found " + shown(nextAt), nextAt);
            default:
                pos = start;
                throw error("expected a comparison operator (" + OPERATORS + "), found " + shown(start), start);
        }
    }

    private FilterValue parseValue(Operator operator) {
        if (operator == Operator.IS_NULL || operator == Operator.IS_NOT_NULL) {
            return new FilterValue.None();
        }
        if (atEnd()) {
            throw error("expected a value after " + operator.symbol() + ", found the end of the filter", pos);
        }
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            return parseList(operator);
        }
        char c = peek();
        if (c == '\'' || c == '"') {
            return new FilterValue.Text(readQuoted());
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return new FilterValue.Number(readNumber());
        }
        throw error("expected a number or a quoted text ('text' or \"text\"), found " + shown(pos)
                + "; texts must be quoted", pos);
    }

    private FilterValue parseList(Operator operator) {
        if (peek() != '(') {
            throw error("expected '(' to start the list of " + operator.symbol() + ", found " + shown(pos), pos);
        }
        pos++;
        List<String> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd() || !(peek() == '\'' || peek() == '"')) {
                throw error("expected a quoted text in the list of " + operator.symbol() + ", found " + shown(pos),
                        pos);
            }
            values.add(readQuoted());
            skipSpaces();
            if (atEnd()) {
                throw error("expected ',' or ')' in the list of " + operator.symbol() + ", found the end", pos);
            }
            if (peek() == ')') {
                pos++;
                return new FilterValue.TextList(values);
            }
            if (peek() != ',') {
                throw error("expected ',' or ')' in the list of " + operator.symbol() + ", found " + shown(pos), pos);
            }
            pos++;
        }
    }

    private double readNumber() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
            pos++;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            pos++;
            if (!atEnd() && (peek() == '-' || peek() == '+')) {
                pos++;
            }
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
        }
        String literal = text.substring(start, pos);
        if (!atEnd() && !Character.isWhitespace(peek())) {
            throw error("expected a number, found '" + literal + readWord() + "'", start);
        }
        try {
            return Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + literal + "'", start);
        }
    }

    private String readQuoted() {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("the text starting here is not closed with " + quote, start);
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (!atEnd() && peek() == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
    }

    private String readWord() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String readBareKey() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || "_.-/:".indexOf(peek()) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isQuote(char c) {
        return c == '`' || c == '"' || c == '\'';
    }

    private String describe(SearchKey key) {
        return switch (key.entity()) {
            case METRIC -> "metric '" + key.key() + "'";
            case PARAM -> "param '" + key.key() + "'";
            case TAG -> "tag '" + key.key() + "'";
            case ATTRIBUTE -> "attribute '" + key.key() + "'";
        };
    }

    private String shown(int at) {
        if (at >= text.length()) {
            return "the end of the filter";
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - at < 30) {
            end++;
        }
        return "'" + text.substring(at, Math.max(end, at + 1)) + "'";
    }

    private boolean next(char c) {
        return pos + 1 < text.length() && text.charAt(pos + 1) == c;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private FilterSyntaxException error(String problem, int at) {
        return new FilterSyntaxException(problem, text, at);
    }
}
