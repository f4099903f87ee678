package org.mlops4j.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.server.http.ClientFaultHandler;
import org.mlops4j.server.internal.HostCheckHandler;
import org.mlops4j.server.internal.PlainErrorHandler;
import org.mlops4j.server.internal.SaturationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of mlops4j, on Eclipse Jetty 12, hardened against slow, greedy and odd clients: every HTTP
 * surface (the web UI, the REST API, model serving) gives it a Jetty {@link Handler} and {@link ServerSettings}.
 *
 * <ul>
 *   <li>A connection that stalls while sending its request head, or between requests, is closed after
 *       {@link ServerSettings#headTimeout()}; a request head is parsed without holding a thread, so stalled clients
 *       never keep others waiting.</li>
 *   <li>At most {@link ServerSettings#threads()} requests run at once and {@link ServerSettings#queueCapacity()} more
 *       wait; beyond that, or after {@link ServerSettings#queueTimeout()}, the answer is 503 with
 *       {@code Retry-After}.</li>
 *   <li>A head over {@link ServerSettings#maxHeadBytes()} gets 431, a body over {@link ServerSettings#maxBodyBytes()}
 *       413, a body arriving slower than {@link ServerSettings#minBodyRate()} or stalling for
 *       {@link ServerSettings#idleTimeout()} is cut off.</li>
 *   <li>More than one {@code Host} header gets 400 (RFC 9112); a host that is not allowed gets 403 (by default a
 *       server on a loopback address answers only {@code localhost}, {@code 127.0.0.1} and {@code [::1]}).</li>
 *   <li>It listens on {@value ServerSettings#DEFAULT_BIND_ADDRESS} unless told otherwise, and beyond the loopback
 *       address only with {@link ServerSettings#credentials() credentials} (bearer tokens, users with passwords),
 *       one of which every request must then present; a read-only one may only read.</li>
 *   <li>{@link #close()} stops accepting connections and lets requests in progress finish, for up to
 *       {@link ServerSettings#stopTimeout()}.</li>
 *   <li>Its own answers are one line of plain text with security headers; it sends no server version.</li>
 * </ul>
 *
 * <p>Thread-safe. Its threads are daemon threads: the owner keeps the process alive and closes the server.
 */
public final class MlopsHttpServer implements AutoCloseable {

    /** The host names a server on a loopback address answers to unless told otherwise. */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Threads Jetty needs beside the request threads: the acceptor, the selector and spare ones for its own tasks. */
    private static final int JETTY_THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(MlopsHttpServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final URI url;
    private volatile boolean closed;

    private MlopsHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
        this.url = URI.create("http://" + urlHost(connector.getHost()) + ":" + connector.getLocalPort() + "/");
    }

    /**
     * Starts a server that answers with the given handler until it is closed.
     *
     * @param settings    where to listen and the limits
     * @param application answers the requests that pass the server's checks; it may block (read a store, write a
     *                    body)
     * @return the running server
     * @throws ConfigurationException when the address cannot be resolved, the port cannot be bound, or the address is
     *                                beyond the loopback address and no bearer token is set
     */
    public static MlopsHttpServer start(ServerSettings settings, Handler application) {
        return start(settings, application, MlopsHttpServer::isPlainRead);
    }

    /**
     * Starts a server whose application names the calls that only read, beyond {@code GET} and {@code HEAD}: a
     * {@link Access#READ_ONLY read-only} token or user may make those calls only, and gets 403 for any other.
     *
     * @param settings    where to listen, the limits and the credentials
     * @param application answers the requests that pass the server's checks
     * @param reads       whether a request only reads
     * @return the running server
     * @throws ConfigurationException as {@link #start(ServerSettings, Handler)}
     */
    public static MlopsHttpServer start(ServerSettings settings, Handler application, Predicate<Request> reads) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(application, "application");
        InetAddress address = resolve(settings.bindAddress());
        if (!address.isLoopbackAddress() && settings.credentials().isEmpty()) {
            throw new ConfigurationException("A server listening on " + settings.bindAddress() + " is reachable from "
                    + "other machines, so it needs credentials: give a bearer token (--token-file FILE on the command "
                    + "line, bearerToken(...) in code; at least 16 random characters, in a file only you can read) or "
                    + "users with passwords (--password-file FILE, credentials(...)), or listen on 127.0.0.1.");
        }
        // The pool is bounded; its job queue is not, as Jetty needs for its own connection tasks: requests are
        // bounded before they reach a thread, by the SaturationHandler's queue.
        QueuedThreadPool threads = new QueuedThreadPool(settings.threads() + JETTY_THREADS,
                Math.min(2, settings.threads()));
        threads.setName("mlops-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http(settings)));
        connector.setHost(address.getHostAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.headTimeout().toMillis());
        connector.setAcceptQueueSize(settings.queueCapacity() + settings.threads());
        server.addConnector(connector);
        server.setErrorHandler(new PlainErrorHandler());
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setHandler(new GracefulHandler(protect(settings, address, application, reads)));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new ConfigurationException("Cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + ": " + e.getMessage() + ". Choose another port (0 picks a free one) or stop what uses this one.",
                    e);
        }
        MlopsHttpServer running = new MlopsHttpServer(server, connector);
        if (!address.isLoopbackAddress()) {
            LOG.warn("The server at {} is reachable from other machines; every request needs its token", running.url);
        }
        return running;
    }

    private static HttpConfiguration http(ServerSettings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(settings.maxHeadBytes());
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        http.setHttpCompliance(HttpCompliance.RFC9110);
        // Handlers split paths themselves before decoding, so an encoded slash may stay inside a segment (a model
        // named "team/churn"); '..' and '.' segments, encoded or not, are still refused.
        http.setUriCompliance(UriCompliance.DEFAULT.with("mlops4j", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        return http;
    }

    /** Wraps the application, outermost first: host check, client faults, token, body size and rate, saturation. */
    private static Handler protect(ServerSettings settings, InetAddress address, Handler application,
            Predicate<Request> reads) {
        Handler handler = new SaturationHandler(settings.threads(), settings.queueCapacity(), settings.queueTimeout(),
                settings.retryAfter(), application);
        if (settings.minBodyRate() > 0) {
            handler = new MinimumDataRateHandler(handler, settings.minBodyRate(), 0);
        }
        SizeLimitHandler sizeLimit = new SizeLimitHandler(settings.maxBodyBytes(), -1);
        sizeLimit.setHandler(handler);
        handler = sizeLimit;
        if (!settings.credentials().isEmpty()) {
            handler = new CredentialsHandler(settings.credentials(), reads, handler);
        }
        Set<String> hosts = settings.allowedHosts()
                .orElse(address.isLoopbackAddress() ? LOOPBACK_HOSTS : Set.of());
        return new HostCheckHandler(hosts, new ClientFaultHandler(handler));
    }

    /**
     * @param request a request
     * @return whether it is a {@code GET} or {@code HEAD}, the calls that read on every server
     */
    public static boolean isPlainRead(Request request) {
        String method = request.getMethod();
        return method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
    }

    private static InetAddress resolve(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Cannot resolve the bind address '" + bindAddress + "'. Give an IP "
                    + "address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).", e);
        }
    }

    private static String urlHost(String boundHost) {
        InetAddress address;
        try {
            address = InetAddress.getByName(boundHost);
        } catch (UnknownHostException e) {
            return boundHost;
        }
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        if (address instanceof Inet6Address) {
            return "[" + address.getHostAddress().replaceAll("%.*", "") + "]";
        }
        return address.getHostAddress();
    }

    /** @return the server's address, such as {@code http://127.0.0.1:5000/} (with the actual port when 0 was asked) */
    public URI url() {
        return url;
    }

    /** @return the socket address the server listens on */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** @return the port the server listens on */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops accepting connections, lets requests in progress finish (up to {@link ServerSettings#stopTimeout()}), then
     * stops; calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server did not finish cleanly: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "MlopsHttpServer[" + url + "]";
    }
}
