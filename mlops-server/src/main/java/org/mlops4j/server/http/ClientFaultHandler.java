package org.mlops4j.server.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure the client caused (its body stalled or dripped below the minimum rate, it went away, it sent too
 * much) into the answer that says so (408, or the status the failure carries, such as 413) and one debug line,
 * instead of a 500 with a stack trace in the log. Other failures are bugs and go on to Jetty, which logs them.
 *
 * <p>A building block of mlops4j's HTTP surfaces (the UI, the model server), published for mlops4j's modules; it
 * may change between versions. Thread-safe.
 */
public final class ClientFaultHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFaultHandler.class);

    /**
     * @param next the handler whose client faults are answered here
     */
    public ClientFaultHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return super.handle(request, response, callback);
        } catch (Exception e) {
            int status = clientFaultStatus(e);
            if (status < 0) {
                throw e;
            }
            LOG.debug("{} {} ended by the client: {}", request.getMethod(), request.getHttpURI().getPath(),
                    e.toString());
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                response.getHeaders().put("Connection", "close");
                PlainAnswers.write(response, Callback.from(callback::succeeded, failure -> callback.succeeded()),
                        status, status == 408 ? "The request body did not arrive in time." : e.getMessage());
            }
            return true;
        }
    }

    /** @return the status that answers a failure caused by the client, or -1 when the failure is not the client's */
    public static int clientFaultStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
            if (cause instanceof TimeoutException || cause instanceof EofException) {
                return 408;
            }
        }
        return -1;
    }
}
