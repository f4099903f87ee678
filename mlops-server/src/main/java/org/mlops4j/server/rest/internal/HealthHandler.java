package org.mlops4j.server.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * {@code GET /health}: {@code OK} in plain text, as MLflow's server answers it, for load balancers and probes; every
 * other path goes to the next handler. It sits behind the server's checks, so beyond the loopback address a probe
 * presents credentials too.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class HealthHandler extends Handler.Wrapper {

    private static final byte[] OK = "OK".getBytes(StandardCharsets.UTF_8);

    /** @param next answers every other path */
    public HealthHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHttpURI().getPath().equals("/health")) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        PlainAnswers.secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.put(HttpHeader.CONTENT_LENGTH, OK.length);
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(OK), callback);
        return true;
    }
}
