package org.mlops4j.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mlops4j.core.data.ColumnType;

/**
 * Reads one value of a scoring request as the type the model takes in its column, the same way for JSON and CSV:
 * <ul>
 *   <li>numeric: a JSON number or a string holding a decimal number ({@code 2}, {@code -1.5}, {@code 3e2}),
 *       finite;</li>
 *   <li>boolean: {@code true}/{@code false}, or the strings {@code true}, {@code false}, {@code yes}, {@code no},
 *       {@code 1}, {@code 0} in any case, or the numbers 1 and 0;</li>
 *   <li>categorical and text: a string, or a number or boolean, taken as its JSON text ({@code 1} is level
 *       {@code "1"});</li>
 *   <li>null, or a key a record lacks, is a missing value: the model imputes it and the answer counts it.</li>
 * </ul>
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
final class Values {

    /** How many characters of a wrong value an error shows. */
    private static final int SHOWN = 60;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    /** @return what the model takes in a column of this type, for error messages */
    static String expected(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "a finite number";
            case BOOLEAN -> "true or false";
            case CATEGORICAL, TEXT -> "a string";
            case TIMESTAMP -> "no value (a model takes no timestamp column)";
        };
    }

    /**
     * @param value a request value, not null
     * @return the number it holds, or {@code null} when it holds none (then the value is wrong for a numeric column)
     */
    static Double number(JsonNode value) {
        double number;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
            number = Double.parseDouble(value.textValue());
        } else {
            return null;
        }
        return Double.isFinite(number) ? number : null;
    }

    /**
     * @param value a request value, not null
     * @return the boolean it holds, or {@code null} when it holds none
     */
    static Boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber() && (value.doubleValue() == 0 || value.doubleValue() == 1)) {
            return value.doubleValue() == 1;
        }
        if (value.isTextual()) {
            return switch (value.textValue().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> Boolean.TRUE;
                case "false", "no", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /**
     * @param value a request value, not null
     * @return the text it holds (a number or boolean as its JSON text), or {@code null} for an object or array
     */
    static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNumber() || value.isBoolean() ? value.asText() : null;
    }

    /** @return whether the value is a missing one: JSON null, or absent */
    static boolean missing(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /**
     * @param value a request value
     * @return it as JSON text for an error message, shortened past {@value #SHOWN} characters
     */
    static String show(JsonNode value) {
        String text = value == null ? "nothing" : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }
}
