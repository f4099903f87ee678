package org.mlops4j.core.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of search results starts. Encoded as MLflow does: base64 of {@code {"offset": n}}. A token is only
 * meaningful for the search that returned it, and results may shift if runs are added in between.
 *
 * @param offset how many runs come before the page
 */
public record PageToken(int offset) {

    private static final Pattern JSON = Pattern.compile("\\{\\s*\"offset\"\\s*:\\s*(\\d{1,10})\\s*}");

    /** Checks the offset is not negative. */
    public PageToken {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** @return the token as text */
    public String encode() {
        return Base64.getUrlEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token a token from {@link #encode()}
     * @return the page token
     * @throws InvalidTrackingInputException when the text is not a page token
     */
    public static PageToken decode(String token) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            Matcher m = JSON.matcher(json.trim());
            if (m.matches()) {
                long offset = Long.parseLong(m.group(1));
                if (offset <= Integer.MAX_VALUE) {
                    return new PageToken((int) offset);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidTrackingInputException("Invalid page token '" + token
                + "': pass the next page token of a previous page unchanged.");
    }
}
