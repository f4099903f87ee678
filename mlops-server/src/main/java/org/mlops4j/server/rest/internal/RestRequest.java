package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of one REST call, from its JSON body (POST, PATCH, DELETE) or its query (GET), read the way MLflow's
 * server parses them into protobuf messages: numbers may come as JSON numbers or as strings (int64 in protobuf's
 * JSON), a repeated field as an array or, in a query, as the same name given more than once.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param method the HTTP method, upper case (some paths answer several calls, told apart by method)
 * @param fields the request's fields
 */
public record RestRequest(String method, ObjectNode fields) {

    /**
     * @param method the HTTP method, upper case
     * @param fields the request's fields
     */
    public RestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fields, "fields");
    }

    /**
     * @param name a field
     * @return its text, when present and not null
     * @throws RestException when it is an object or an array
     */
    public Optional<String> text(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw RestException.invalid(name, "a string", node);
        }
        return Optional.of(node.asText());
    }

    /**
     * @param name a required field
     * @return its text
     * @throws RestException when it is missing or empty
     */
    public String required(String name) {
        String value = text(name).orElseThrow(() -> RestException.missing(name));
        if (value.isEmpty()) {
            throw RestException.missing(name);
        }
        return value;
    }

    /**
     * @param name a field of type int64 or int32
     * @return its value, when present
     * @throws RestException when it is not a whole number
     */
    public OptionalLong number(String name) {
        JsonNode node = fields.get(name);
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return OptionalLong.of(node.longValue());
        }
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            throw RestException.invalid(name, "a whole number", "'" + text.get() + "'");
        }
    }

    /**
     * @param name a field of type double
     * @return its value: a JSON number, or a string such as {@code "NaN"} and {@code "Infinity"} as protobuf writes
     *         them
     * @throws RestException when it is missing or not a number
     */
    public double requiredDouble(String name) {
        JsonNode node = fields.get(name);
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        String text = required(name).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw RestException.invalid(name, "a number", "'" + text + "'");
        }
    }

    /**
     * @param name a boolean field
     * @return its value, false when absent
     */
    public boolean flag(String name) {
        return text(name).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * @param name a repeated string field
     * @return its values, in order; empty when absent
     */
    public List<String> texts(String name) {
        JsonNode node = fields.get(name);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (node.isValueNode()) {
            values.add(node.asText());
        } else {
            throw RestException.invalid(name, "a list of strings", node);
        }
        return values;
    }

    /**
     * @param name a repeated message field
     * @return its messages, each as a request of its own; empty when absent
     * @throws RestException when an entry is not an object
     */
    public List<RestRequest> messages(String name) {
        JsonNode node = fields.get(name);
        List<RestRequest> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw RestException.invalid(name, "a list of objects", node);
        }
        for (JsonNode item : node) {
            if (!(item instanceof ObjectNode object)) {
                throw RestException.invalid(name, "a list of objects", item);
            }
            values.add(new RestRequest(method, object));
        }
        return values;
    }
}
