package org.mlops4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.internal.PasswordHash;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Lets through only requests that present one of the server's credentials: a bearer token
 * ({@code Authorization: Bearer <token>}), or HTTP basic authentication with a user's password or, so that a browser
 * can log in through its own dialog, with a token as the password (any other user name). Others get 401 with a
 * {@code WWW-Authenticate} challenge. A {@link Access#READ_ONLY read-only} token or user may make only the calls the
 * server names as reading; any other gets 403, as MLflow's {@code PERMISSION_DENIED} on the REST API's paths.
 *
 * <p>Tokens are compared by their SHA-256 digests; a password is checked by PBKDF2 once, after which the digest of the
 * user and password is remembered (up to {@value #REMEMBERED} pairs), so that a client sending the same credentials on
 * every call does not pay the derivation each time; at most {@value #CONCURRENT_CHECKS} derivations run at once, so
 * that a client trying passwords slows down only other first logins, not calls with tokens or known passwords.
 *
 * <p>Package-private beside {@link MlopsHttpServer}, its only user, as it reads the API's {@link AccessCredentials}.
 * Thread-safe.
 */
final class CredentialsHandler extends Handler.Wrapper {

    /** The request attribute holding the caller's {@link Access}. */
    static final String ACCESS_ATTRIBUTE = "org.mlops4j.server.access";
    private static final String CHALLENGE = "Bearer realm=\"mlops4j\", Basic realm=\"mlops4j\", charset=\"UTF-8\"";
    private static final int REMEMBERED = 1024;
    /** Password checks at once: each costs a PBKDF2 derivation, so wrong passwords cannot take every thread's CPU. */
    private static final int CONCURRENT_CHECKS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessCredentials credentials;
    private final Predicate<Request> reads;
    private final Map<String, Access> checkedPasswords = new ConcurrentHashMap<>();
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);

    /**
     * @param credentials the tokens and users
     * @param reads       whether a request only reads (what read-only callers may do)
     * @param next        the handler of authenticated requests
     */
    CredentialsHandler(AccessCredentials credentials, Predicate<Request> reads, Handler next) {
        super(next);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Optional<Access> access = authorization == null ? Optional.empty() : access(authorization.strip());
        if (access.isEmpty()) {
            PlainAnswers.closeIfBodyUnread(request, response);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
            PlainAnswers.write(response, callback, 401, authorization == null
                    ? "This server needs credentials: send 'Authorization: Bearer <token>' or a user and password."
                    : "The credentials in this request are not the server's.");
            return true;
        }
        if (access.get() == Access.READ_ONLY && !reads.test(request)) {
            PlainAnswers.closeIfBodyUnread(request, response);
            refuse(request, response, callback);
            return true;
        }
        request.setAttribute(ACCESS_ATTRIBUTE, access.get());
        return super.handle(request, response, callback);
    }

    private Optional<Access> access(String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return credentials.ofToken(authorization.substring(7).strip());
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!credentials.hasUser(user)) {
            return credentials.ofToken(password);
        }
        String key = HexFormat.of().formatHex(PasswordHash.sha256(user + "\u0000" + password));
        Access known = checkedPasswords.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Access> checked;
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            checked = credentials.ofUser(user, password);
        } finally {
            checks.release();
        }
        checked.ifPresent(granted -> {
            if (checkedPasswords.size() >= REMEMBERED) {
                checkedPasswords.clear();
            }
            checkedPasswords.put(key, granted);
        });
        return checked;
    }

    private static void refuse(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String message = "These credentials are read-only: they may read, but " + request.getMethod() + " " + path
                + " changes the server's data. Use read-write credentials.";
        if (!path.startsWith("/api/") && !path.startsWith("/ajax-api/")) {
            PlainAnswers.write(response, callback, 403, message);
            return;
        }
        ObjectNode error = JSON.createObjectNode().put("error_code", "PERMISSION_DENIED").put("message", message);
        byte[] body = error.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(403);
        HttpFields.Mutable headers = response.getHeaders();
        PlainAnswers.secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
