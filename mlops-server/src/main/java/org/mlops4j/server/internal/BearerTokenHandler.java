package org.mlops4j.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Lets through only requests that carry the server's token, as {@code Authorization: Bearer <token>} or, so that a
 * browser can log in through its own dialog, as the password of HTTP Basic authentication (any user name). Others get
 * 401 with a {@code WWW-Authenticate} challenge. Tokens are compared by their SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class BearerTokenHandler extends Handler.Wrapper {

    private static final String CHALLENGE = "Bearer realm=\"mlops4j\", Basic realm=\"mlops4j\", charset=\"UTF-8\"";

    private final byte[] expectedDigest;

    /**
     * @param token the token requests must carry
     * @param next  the handler of authenticated requests
     */
    public BearerTokenHandler(String token, Handler next) {
        super(next);
        this.expectedDigest = digest(token);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String presented = presentedToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (presented == null || !MessageDigest.isEqual(digest(presented), expectedDigest)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
            PlainAnswers.write(response, callback, 401, presented == null
                    ? "This server needs its token: send 'Authorization: Bearer <token>'."
                    : "The token in this request is not the server's token.");
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * @param authorization the Authorization header, or {@code null}
     * @return the token it carries, or {@code null} when it carries none
     */
    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
