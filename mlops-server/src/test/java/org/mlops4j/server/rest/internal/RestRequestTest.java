package org.mlops4j.server.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How a request's number fields are read: JSON numbers as they are, strings as protobuf's JSON writes them. */
class RestRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsDoublesFromJsonNumbersAndFromProtobufsStrings() throws Exception {
        RestRequest request = request("{\"a\": 0.1, \"b\": 3, \"c\": \"NaN\", \"d\": \"-Infinity\", \"e\": \" 2.5 \","
                + " \"f\": 1e308, \"g\": 123456789012345678901234567890}");
        assertEquals(0.1, request.requiredDouble("a"));
        assertEquals(3.0, request.requiredDouble("b"));
        assertTrue(Double.isNaN(request.requiredDouble("c")));
        assertEquals(Double.NEGATIVE_INFINITY, request.requiredDouble("d"));
        assertEquals(2.5, request.requiredDouble("e"));
        assertEquals(1e308, request.requiredDouble("f"));
        assertEquals(1.2345678901234568E29, request.requiredDouble("g"));
    }

    @Test
    void refusesADoubleThatIsMissingOrNotANumber() throws Exception {
        RestRequest request = request("{\"a\": \"x\", \"b\": true}");
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(RestException.class,
                () -> request.requiredDouble("a")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(RestException.class,
                () -> request.requiredDouble("b")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(RestException.class,
                () -> request.requiredDouble("missing")).code());
    }

    @Test
    void readsWholeNumbersFromJsonNumbersAndStringsAndRefusesFractionsAndOverflow() throws Exception {
        RestRequest request = request("{\"a\": 1700000000000, \"b\": \"42\", \"c\": null, \"d\": 1.5,"
                + " \"e\": 99999999999999999999, \"f\": \"1.0\"}");
        assertEquals(OptionalLong.of(1_700_000_000_000L), request.number("a"));
        assertEquals(OptionalLong.of(42), request.number("b"));
        assertEquals(OptionalLong.empty(), request.number("c"));
        assertEquals(OptionalLong.empty(), request.number("missing"));
        for (String name : new String[] {"d", "e", "f"}) {
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(RestException.class,
                    () -> request.number(name), name).code(), name);
        }
    }

    private static RestRequest request(String json) throws Exception {
        return new RestRequest("POST", (ObjectNode) JSON.readTree(json));
    }
}
