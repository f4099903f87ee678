package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mlops4j.core.tracking.PageToken;

/**
 * Pages of a list the store returns whole (experiments, registered models, model versions), with the page tokens of
 * the run search ({@link PageToken}) and MLflow's bounds on {@code max_results}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param maxResults how many per page
 * @param offset     where the page starts
 */
public record Paging(int maxResults, int offset) {

    /**
     * @param request    the request, with {@code max_results} and {@code page_token}
     * @param byDefault  the page size when none is asked
     * @param upperBound the largest page size allowed
     * @return the page asked
     * @throws RestException when the size is out of bounds or the token is not one of this server's
     */
    public static Paging of(RestRequest request, int byDefault, int upperBound) {
        long max = request.number("max_results").orElse(byDefault);
        if (max < 1 || max > upperBound) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid value " + max + " for parameter "
                    + "'max_results' supplied. It must be at most " + upperBound + " and at least 1; page through "
                    + "larger results with the next page token.");
        }
        int offset = request.text("page_token").filter(token -> !token.isEmpty())
                .map(token -> PageToken.decode(token).offset()).orElse(0);
        return new Paging((int) max, offset);
    }

    /**
     * Puts one page of the items into the answer, and {@code next_page_token} when more follow.
     *
     * @param items  all items, in order
     * @param answer the response message
     * @param field  the list field, such as {@code experiments}
     * @param json   writes one item
     * @param <T>    the items' type
     * @return the answer
     */
    public <T> ObjectNode page(List<T> items, ObjectNode answer, String field,
            java.util.function.Function<T, ObjectNode> json) {
        var array = answer.putArray(field);
        int end = Math.min(items.size(), offset + maxResults);
        for (int i = Math.min(offset, items.size()); i < end; i++) {
            array.add(json.apply(items.get(i)));
        }
        if (end < items.size()) {
            answer.put("next_page_token", new PageToken(end).encode());
        }
        return answer;
    }
}
