package org.mlops4j.server.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Answers 400 to a request with more than one {@code Host} header (RFC 9112, section 3.2), and 403 to one whose host is
 * not allowed, so a web page elsewhere cannot reach a local server through DNS rebinding.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class HostCheckHandler extends Handler.Wrapper {

    private final Set<String> allowedHosts;

    /**
     * @param allowedHosts the host names (lower case, without port; IPv6 addresses in brackets) that requests may
     *                     name; empty to allow any
     * @param next         the handler of allowed requests
     */
    public HostCheckHandler(Set<String> allowedHosts, Handler next) {
        super(next);
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        List<String> hosts = request.getHeaders().getValuesList(HttpHeader.HOST);
        if (hosts.size() > 1) {
            PlainAnswers.write(response, callback, 400, "A request names one host; this one has " + hosts.size()
                    + " Host headers.");
            return true;
        }
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(hostName(hosts.isEmpty() ? null : hosts.get(0)))) {
            PlainAnswers.write(response, callback, 403, "This server does not answer requests for the host named in "
                    + "this request. Open it by the address it printed when it started.");
            return true;
        }
        return super.handle(request, response, callback);
    }

    /**
     * @param host a Host header, such as {@code localhost:5000} or {@code [::1]:5000}, or {@code null}
     * @return its name in lower case without the port; empty for none
     */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end < 0 ? name : name.substring(0, end + 1);
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
