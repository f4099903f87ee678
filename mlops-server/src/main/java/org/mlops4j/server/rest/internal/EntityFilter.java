package org.mlops4j.server.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MLflow's filter of the searches that are not run searches ({@code experiments/search},
 * {@code registered-models/search}, {@code model-versions/search}): terms joined by {@code AND}, each an attribute
 * ({@code name}, optionally {@code attribute.name}) or a tag ({@code tags.<key>}, backquoted when it has odd
 * characters) compared with {@code =}, {@code !=}, {@code LIKE} or {@code ILIKE} to a quoted string, with
 * {@code IN ('a', 'b')} to a list, or a time attribute compared with {@code = != < <= > >=} to a number.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param <T> what is filtered
 */
public final class EntityFilter<T> {

    private static final Pattern TERM = Pattern.compile("\\s*(?:(attributes?|tags?)\\.)?(`[^`]+`|\"[^\"]+\"|\\w+)"
            + "\\s*(!=|<=|>=|=|<|>|(?i:ilike|like|in)\\b)\\s*('(?:[^']|'')*'|\"[^\"]*\"|-?\\d+|\\([^)]*\\))\\s*"
            + "((?i:and)\\s+|$)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*('(?:[^']|'')*'|\"[^\"]*\")\\s*(,|$)");

    private final String what;
    private final Map<String, Function<T, String>> texts;
    private final Map<String, ToLongFunction<T>> numbers;
    private final Function<T, Map<String, String>> tags;

    /**
     * @param what    what is filtered, for messages, such as {@code experiment}
     * @param texts   the text attributes by lower-case name
     * @param numbers the number attributes by lower-case name
     * @param tags    the tags of an item
     */
    public EntityFilter(String what, Map<String, Function<T, String>> texts, Map<String, ToLongFunction<T>> numbers,
            Function<T, Map<String, String>> tags) {
        this.what = what;
        this.texts = Map.copyOf(texts);
        this.numbers = Map.copyOf(numbers);
        this.tags = tags;
    }

    /**
     * @param text the filter, or blank for every item
     * @return a test of items
     * @throws RestException when the text is not a filter of these items
     */
    public Predicate<T> parse(String text) {
        List<Predicate<T>> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return item -> true;
        }
        Matcher matcher = TERM.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw invalid(text, "cannot read the filter from character " + (at + 1));
            }
            terms.add(term(text, matcher.group(1), unquote(matcher.group(2)),
                    matcher.group(3).toUpperCase(Locale.ROOT), matcher.group(4)));
            at = matcher.end();
            if (matcher.group(5).isEmpty() && at < text.length()) {
                throw invalid(text, "expected AND at character " + (at + 1));
            }
        }
        return item -> terms.stream().allMatch(term -> term.test(item));
    }

    private Predicate<T> term(String text, String entity, String key, String operator, String value) {
        if (entity != null && entity.toLowerCase(Locale.ROOT).startsWith("tag")) {
            Predicate<String> test = textTest(text, operator, value);
            return item -> tags.apply(item).containsKey(key) && test.test(tags.apply(item).get(key));
        }
        String name = key.toLowerCase(Locale.ROOT);
        Function<T, String> attribute = texts.get(name);
        if (attribute != null) {
            Predicate<String> test = textTest(text, operator, value);
            return item -> test.test(attribute.apply(item));
        }
        ToLongFunction<T> number = numbers.get(name);
        if (number == null) {
            throw invalid(text, "unknown attribute '" + key + "'; expected one of " + texts.keySet() + ", "
                    + numbers.keySet() + " or tags.<key>");
        }
        if (!value.matches("-?\\d+")) {
            throw invalid(text, key + " is compared with a number");
        }
        long wanted = Long.parseLong(value);
        return item -> compare(operator, number.applyAsLong(item), wanted, text);
    }

    private Predicate<String> textTest(String text, String operator, String value) {
        if (operator.equals("IN")) {
            List<String> values = list(text, value);
            return values::contains;
        }
        if (!value.startsWith("'") && !value.startsWith("\"")) {
            throw invalid(text, "a text attribute is compared with a quoted string");
        }
        String wanted = unquote(value);
        return switch (operator) {
            case "=" -> wanted::equals;
            case "!=" -> found -> !wanted.equals(found);
            case "LIKE" -> like(wanted, 0);
            case "ILIKE" -> like(wanted, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            default -> throw invalid(text, "text is compared with =, !=, LIKE, ILIKE or IN, not " + operator);
        };
    }

    private List<String> list(String text, String value) {
        if (!value.startsWith("(")) {
            throw invalid(text, "IN takes a list such as ('a', 'b')");
        }
        String inner = value.substring(1, value.length() - 1);
        List<String> values = new ArrayList<>();
        Matcher item = LIST_ITEM.matcher(inner);
        int at = 0;
        while (at < inner.length() && !inner.substring(at).isBlank()) {
            if (!item.find(at) || item.start() != at) {
                throw invalid(text, "IN takes a list of quoted strings such as ('a', 'b')");
            }
            values.add(unquote(item.group(1)));
            at = item.end();
        }
        return values;
    }

    private boolean compare(String operator, long found, long wanted, String text) {
        return switch (operator) {
            case "=" -> found == wanted;
            case "!=" -> found != wanted;
            case "<" -> found < wanted;
            case "<=" -> found <= wanted;
            case ">" -> found > wanted;
            case ">=" -> found >= wanted;
            default -> throw invalid(text, "numbers are compared with = != < <= > >=, not " + operator);
        };
    }

    private static Predicate<String> like(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern compiled = Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
        return found -> found != null && compiled.matcher(found).matches();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("'") || text.startsWith("\"") || text.startsWith("`"))) {
            String inner = text.substring(1, text.length() - 1);
            return text.startsWith("'") ? inner.replace("''", "'") : inner;
        }
        return text;
    }

    private RestException invalid(String filter, String problem) {
        return new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid " + what + " filter '" + filter + "': "
                + problem + ". Example: name LIKE 'lead-%' AND tags.team = 'growth'.");
    }
}
