package org.mlops4j.server.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Jetty's error answers (a malformed request, a head too large, a body over the limit, a failed handler) as one line of
 * plain text with the server's security headers: no HTML, no stack trace, no server version.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class PlainErrorHandler extends ErrorHandler {

    /** Shows neither stacks nor causes. */
    public PlainErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        PlainAnswers.write(response, callback, response.getStatus(), message == null ? null : message.toString());
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        PlainAnswers.secure(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return PlainAnswers.body(status, reason);
    }
}
