package org.mlops4j.core.pipeline.internal;

import java.time.Duration;

/**
 * This class is internal and is hence not for public use. Converts a parameter value (as given in code or read from a
 * JSON or YAML file) to the type a step asks for.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * @param value a parameter value
     * @param type  the type wanted
     * @return the value converted
     * @throws IllegalArgumentException when it cannot be converted
     */
    public static Object convert(Object value, Class<?> type) {
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (boxed == Integer.class && number.doubleValue() == number.intValue()) {
                return number.intValue();
            }
            if (boxed == Long.class && number.doubleValue() == number.longValue()) {
                return number.longValue();
            }
            if (boxed == Double.class) {
                return number.doubleValue();
            }
        }
        if (value instanceof String text) {
            String t = text.trim();
            if (boxed == Integer.class) {
                return Integer.parseInt(t);
            }
            if (boxed == Long.class) {
                return Long.parseLong(t);
            }
            if (boxed == Double.class) {
                return Double.parseDouble(t);
            }
            if (boxed == Boolean.class && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(t);
            }
            if (boxed == Duration.class) {
                return Duration.parse(t);
            }
        }
        if (boxed == String.class && (value instanceof Number || value instanceof Boolean)) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to " + type.getName());
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        throw new IllegalArgumentException("unsupported primitive type " + type);
    }
}
