package org.mlops4j.server.internal;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Lets at most {@code threads} requests run at once; up to {@code queueCapacity} more wait, suspended without holding a
 * thread, for at most {@code queueTimeout}. A request beyond that, or one that waited too long, is answered 503 with
 * {@code Retry-After}, at once: a busy server says so instead of hanging.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class SaturationHandler extends QoSHandler {

    private final String retryAfterSeconds;

    /**
     * @param threads       how many requests run at once
     * @param queueCapacity how many more may wait
     * @param queueTimeout  how long one may wait
     * @param retryAfter    what the 503 answer tells the client to wait
     * @param next          the handler of the requests let through
     */
    public SaturationHandler(int threads, int queueCapacity, Duration queueTimeout, Duration retryAfter,
            Handler next) {
        super(next);
        setMaxRequestCount(threads);
        setMaxSuspendedRequestCount(queueCapacity);
        setMaxSuspend(queueTimeout);
        this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfter.toSeconds()));
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(response, callback, "This server is answering as many requests as it can and as many are waiting.");
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status,
            Throwable failure) {
        busy(response, callback, "This request waited for a free thread longer than the server allows.");
    }

    private void busy(Response response, Callback callback, String why) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
        PlainAnswers.write(response, callback, 503, why + " Try again in " + retryAfterSeconds + " s.");
    }
}
