package org.mlops4j.server;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an {@link MlopsHttpServer} listens and how it protects itself from slow, greedy or odd clients. Every HTTP
 * surface of mlops4j (the web UI, and later the REST API and model serving) starts from these settings, so each gets
 * the same limits.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.builder()
 *         .port(5000)
 *         .threads(8).queueCapacity(64)           // more than 8 + 64 requests at once: 503 with Retry-After
 *         .headTimeout(Duration.ofSeconds(10))    // a client that stalls is dropped after 10 s
 *         .build();
 * }</pre>
 *
 * @param bindAddress        the IP address or host name to listen on ({@value #DEFAULT_BIND_ADDRESS} by default)
 * @param port               the port, 0 to pick a free one
 * @param threads            how many requests are handled at once
 * @param queueCapacity      how many more requests may wait for a thread; beyond that the answer is 503
 * @param queueTimeout       how long a request waits for a thread before it is answered 503
 * @param headTimeout        how long a connection may send nothing while its request head arrives, or between
 *                           requests, before it is closed
 * @param idleTimeout        how long reading a request body or writing a response may make no progress before the
 *                           request is failed and its connection closed
 * @param minBodyRate        the slowest a request body may arrive, in bytes per second (0: no minimum); a client that
 *                           drips its body more slowly is cut off
 * @param maxHeadBytes       the largest request head (request line and headers); a larger one is answered 431
 * @param maxBodyBytes       the largest request body; a larger one is answered 413
 * @param stopTimeout        how long closing the server waits for requests in progress to finish
 * @param retryAfter         what a 503 answer tells clients to wait before trying again
 * @param credentials        the tokens and users one of which every request must present ({@code Authorization:
 *                           Bearer <token>}, or HTTP basic authentication: a user's password, or a token as the
 *                           password for browsers), each read-write or read-only; none lets every request through,
 *                           which is allowed on the loopback address only
 * @param allowedHosts       the host names requests may name in their {@code Host} header; empty: the loopback
 *                           names when bound to a loopback address, any host otherwise
 */
public record ServerSettings(String bindAddress, int port, int threads, int queueCapacity, Duration queueTimeout,
        Duration headTimeout, Duration idleTimeout, long minBodyRate, int maxHeadBytes, long maxBodyBytes,
        Duration stopTimeout, Duration retryAfter, AccessCredentials credentials, Optional<Set<String>> allowedHosts) {

    /** The address servers listen on unless told otherwise: {@value} (this machine only). */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Requests handled at once unless told otherwise: {@value}. */
    public static final int DEFAULT_THREADS = 8;
    /** Requests that may wait for a thread unless told otherwise: {@value}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 64;
    /** The largest request head unless told otherwise: {@value} bytes. */
    public static final int DEFAULT_MAX_HEAD_BYTES = 16 * 1024;
    /** The largest request body unless told otherwise: {@value} bytes. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** The slowest accepted request body unless told otherwise: {@value} bytes per second. */
    public static final long DEFAULT_MIN_BODY_RATE = 1024;

    /** Checks the values and copies the host names. */
    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        requireAtLeast(port, 0, "port");
        if (port > 65_535) {
            throw new IllegalArgumentException("A port is between 0 and 65535; found " + port);
        }
        requireAtLeast(threads, 1, "threads");
        requireAtLeast(queueCapacity, 0, "queueCapacity");
        requirePositive(queueTimeout, "queueTimeout");
        requirePositive(headTimeout, "headTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requireAtLeast(minBodyRate, 0, "minBodyRate");
        requireAtLeast(maxHeadBytes, 1024, "maxHeadBytes");
        requireAtLeast(maxBodyBytes, 0, "maxBodyBytes");
        requirePositive(stopTimeout, "stopTimeout");
        requirePositive(retryAfter, "retryAfter");
        Objects.requireNonNull(credentials, "credentials");
        allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").map(Set::copyOf);
    }

    /** @return a builder with the defaults: {@value #DEFAULT_BIND_ADDRESS}, a free port, no token */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireAtLeast(long value, long minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + "; found " + value);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration; found " + duration);
        }
    }

    /** Collects {@link ServerSettings}; not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port;
        private int threads = DEFAULT_THREADS;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration queueTimeout = Duration.ofSeconds(10);
        private Duration headTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private long minBodyRate = DEFAULT_MIN_BODY_RATE;
        private int maxHeadBytes = DEFAULT_MAX_HEAD_BYTES;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private Duration retryAfter = Duration.ofSeconds(1);
        private AccessCredentials credentials = AccessCredentials.none();
        private Optional<Set<String>> allowedHosts = Optional.empty();

        private Builder() {
        }

        /**
         * @param address an IP address or host name; {@code 0.0.0.0} for every interface (then a bearer token is
         *                required)
         * @return this builder
         */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address").trim();
            return this;
        }

        /**
         * @param number the port, 0 to 65535; 0 picks a free one
         * @return this builder
         */
        public Builder port(int number) {
            this.port = number;
            return this;
        }

        /**
         * @param count how many requests are handled at once, at least 1
         * @return this builder
         */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /**
         * @param capacity how many requests may wait for a thread (0: none waits, a busy server answers 503 at once)
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * @param timeout how long a request waits for a thread before it is answered 503
         * @return this builder
         */
        public Builder queueTimeout(Duration timeout) {
            this.queueTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long a connection may stay silent while its request head arrives or between requests
         * @return this builder
         */
        public Builder headTimeout(Duration timeout) {
            this.headTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long a request body or a response may make no progress
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * @param bytesPerSecond the slowest a request body may arrive; 0 for no minimum
         * @return this builder
         */
        public Builder minBodyRate(long bytesPerSecond) {
            this.minBodyRate = bytesPerSecond;
            return this;
        }

        /**
         * @param bytes the largest request head accepted, at least 1024
         * @return this builder
         */
        public Builder maxHeadBytes(int bytes) {
            this.maxHeadBytes = bytes;
            return this;
        }

        /**
         * @param bytes the largest request body accepted
         * @return this builder
         */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * @param timeout how long closing waits for requests in progress
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /**
         * @param delay what a 503 answer's {@code Retry-After} says (whole seconds, at least 1)
         * @return this builder
         */
        public Builder retryAfter(Duration delay) {
            this.retryAfter = delay;
            return this;
        }

        /**
         * @param token a token that may make every call, at least 16 characters; once a token or a user is given,
         *              every request must present one
         * @return this builder
         * @throws IllegalArgumentException when the token is shorter
         */
        public Builder bearerToken(String token) {
            this.credentials = credentials.withToken(token, Access.READ_WRITE);
            return this;
        }

        /**
         * @param more tokens and users (read-write or read-only), added to those given before
         * @return this builder
         */
        public Builder credentials(AccessCredentials more) {
            this.credentials = credentials.and(Objects.requireNonNull(more, "more"));
            return this;
        }

        /**
         * Sets the host names requests may address in their {@code Host} header, which stops web pages from reaching
         * a local server through DNS rebinding.
         *
         * @param hosts host names without port, such as {@code mlops.example.org}; none to accept any host
         * @return this builder
         */
        public Builder allowedHosts(String... hosts) {
            Set<String> set = new LinkedHashSet<>();
            for (String host : hosts) {
                set.add(host.trim().toLowerCase(Locale.ROOT));
            }
            this.allowedHosts = Optional.of(set);
            return this;
        }

        /** @return the settings */
        public ServerSettings build() {
            return new ServerSettings(bindAddress, port, threads, queueCapacity, queueTimeout, headTimeout,
                    idleTimeout, minBodyRate, maxHeadBytes, maxBodyBytes, stopTimeout, retryAfter, credentials,
                    allowedHosts);
        }
    }
}
