package org.mlops4j.server.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link UiRouter} on Jetty: hands it the method, the raw path and the raw query, and sends what it answers,
 * streaming the body (an artifact is not held in memory). Answers to {@code HEAD} carry no body.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class UiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(UiHandler.class);

    private final UiRouter router;

    /**
     * @param router answers the requests
     */
    public UiHandler(UiRouter router) {
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpURI uri = request.getHttpURI();
        UiResponse answer = router.answer(request.getMethod(), uri.getPath(), uri.getQuery());
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        if (answer.length() >= 0) {
            headers.put("Content-Length", answer.length());
        }
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        try (OutputStream out = head ? OutputStream.nullOutputStream() : Content.Sink.asOutputStream(response)) {
            answer.body().writeTo(out);
        } catch (IOException e) {
            LOG.debug("The client of {} went away: {}", uri.getPath(), e.toString());
            callback.failed(e);
            return true;
        }
        callback.succeeded();
        return true;
    }
}
