package org.mlops4j.server.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlops4j.core.tracking.Experiment;

/**
 * MLflow's filter of {@code experiments/search}: terms joined by {@code AND}, each {@code name},
 * {@code attribute.name}, {@code tags.<key>} (backquoted when it has odd characters) compared with {@code =},
 * {@code !=}, {@code LIKE} or {@code ILIKE} to a quoted string, or {@code creation_time} and
 * {@code last_update_time} compared with {@code = != < <= > >=} to a number.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ExperimentFilter {

    private static final Pattern TERM = Pattern.compile("\\s*(?:(attributes?|tags?)\\.)?(`[^`]+`|\"[^\"]+\"|\\w+)"
            + "\\s*(!=|<=|>=|=|<|>|(?i:ilike|like)\\b)\\s*('(?:[^']|'')*'|\"[^\"]*\"|-?\\d+)\\s*"
            + "((?i:and)\\s+|$)");

    private ExperimentFilter() {
    }

    /**
     * @param text the filter, or blank for every experiment
     * @return a test of experiments
     * @throws RestException when the text is not a filter of experiments
     */
    public static Predicate<Experiment> parse(String text) {
        List<Predicate<Experiment>> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return experiment -> true;
        }
        Matcher matcher = TERM.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw invalid(text, "cannot read the filter from character " + (at + 1));
            }
            terms.add(term(text, matcher.group(1), unquote(matcher.group(2)), matcher.group(3).toUpperCase(
                    Locale.ROOT), matcher.group(4)));
            at = matcher.end();
            if (matcher.group(5).isEmpty() && at < text.length()) {
                throw invalid(text, "expected AND at character " + (at + 1));
            }
        }
        return experiment -> terms.stream().allMatch(term -> term.test(experiment));
    }

    private static Predicate<Experiment> term(String text, String entity, String key, String operator, String value) {
        boolean quoted = value.startsWith("'") || value.startsWith("\"");
        if (entity != null && entity.toLowerCase(Locale.ROOT).startsWith("tag")) {
            if (!quoted) {
                throw invalid(text, "a tag is compared with a quoted string");
            }
            Predicate<String> test = textTest(text, operator, unquote(value));
            return experiment -> experiment.tags().containsKey(key) && test.test(experiment.tags().get(key));
        }
        switch (key.toLowerCase(Locale.ROOT)) {
            case "name" -> {
                if (!quoted) {
                    throw invalid(text, "the name is compared with a quoted string");
                }
                Predicate<String> test = textTest(text, operator, unquote(value));
                return experiment -> test.test(experiment.name());
            }
            case "creation_time", "last_update_time" -> {
                if (quoted) {
                    throw invalid(text, key + " is compared with a number");
                }
                long number = Long.parseLong(value);
                boolean creation = key.equalsIgnoreCase("creation_time");
                return experiment -> compare(operator, creation ? experiment.creationTime()
                        : experiment.lastUpdateTime(), number, text);
            }
            default -> throw invalid(text, "unknown attribute '" + key + "'; expected name, creation_time, "
                    + "last_update_time or tags.<key>");
        }
    }

    private static Predicate<String> textTest(String text, String operator, String wanted) {
        return switch (operator) {
            case "=" -> wanted::equals;
            case "!=" -> found -> !wanted.equals(found);
            case "LIKE" -> like(wanted, 0);
            case "ILIKE" -> like(wanted, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            default -> throw invalid(text, "strings are compared with =, !=, LIKE or ILIKE, not " + operator);
        };
    }

    private static boolean compare(String operator, long found, long wanted, String text) {
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
        return found -> compiled.matcher(found).matches();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("'") || text.startsWith("\"") || text.startsWith("`"))) {
            String inner = text.substring(1, text.length() - 1);
            return text.startsWith("'") ? inner.replace("''", "'") : inner;
        }
        return text;
    }

    private static RestException invalid(String filter, String problem) {
        return new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid experiment filter '" + filter + "': "
                + problem + ". Example: name LIKE 'lead-%' AND tags.team = 'growth'.");
    }
}
