package org.mlops4j.server.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.http.PlainAnswers;
import org.mlops4j.server.ui.internal.ArtifactEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLflow's artifact proxy ({@code mlflow_artifacts.proto}) under {@code /api/2.0/mlflow-artifacts/} (and
 * {@code /ajax-api/2.0/mlflow-artifacts/}): {@code PUT artifacts/<path>} uploads the body (streamed, up to a limit),
 * {@code GET artifacts/<path>} downloads a file (streamed, with its content type, as an attachment),
 * {@code GET artifacts?path=<folder>} lists a folder (entries by name, as MLflow's proxy), {@code DELETE
 * artifacts/<path>} deletes; multipart uploads answer {@code NOT_IMPLEMENTED}, as MLflow's proxy over a local folder
 * does, and MLflow's clients then upload in one piece.
 *
 * <p>A path {@code <experiment id>/<run id>/artifacts/...} of a run of the store (the run's
 * {@code mlflow-artifacts:/} location, see {@link ArtifactLocations}) is the run's artifacts in the store, so that
 * what a client logs is where the Java API, the UI and {@code runs:/} URIs find it; the store confines such paths to
 * the run's folder and keeps them (deleting one answers {@code NOT_IMPLEMENTED}). Any other path is a file below the
 * artifact destination ({@link ProxiedArtifactFolder}). Without a destination every call answers
 * {@code ENDPOINT_NOT_FOUND}, naming the option that turns the proxy on. Other paths go to the next handler.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * store is.
 */
public final class ArtifactProxyHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactProxyHandler.class);
    private static final ApiPrefixes PREFIXES = ApiPrefixes.of("/api/2.0/mlflow-artifacts/",
            "/ajax-api/2.0/mlflow-artifacts/");
    private static final String FILES = "artifacts";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][\\w-]{0,255}");

    private final TrackingStore store;
    private final Optional<ProxiedArtifactFolder> destination;
    private final long maxUploadBytes;
    private final Handler next;

    /**
     * @param store          where the runs and their artifacts are
     * @param destination    the folder of other proxied artifacts; empty when the proxy is off
     * @param maxUploadBytes the largest upload
     * @param next           answers every other path
     */
    public ArtifactProxyHandler(TrackingStore store, Optional<ProxiedArtifactFolder> destination, long maxUploadBytes,
            Handler next) {
        this.store = Objects.requireNonNull(store, "store");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.maxUploadBytes = maxUploadBytes;
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Optional<String> call = PREFIXES.call(path);
        if (call.isEmpty()) {
            return next.handle(request, response, callback);
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        try {
            if (destination.isEmpty()) {
                throw new RestException(ErrorCode.ENDPOINT_NOT_FOUND, "This server does not proxy artifacts: start "
                        + "it with --artifacts-destination DIR (artifactsDestination(...) on TrackingServer's "
                        + "builder) to serve " + path + ".");
            }
            route(call.get(), method, request, response, callback);
        } catch (RuntimeException | IOException e) {
            ErrorAnswer error = e instanceof IOException io ? new ErrorAnswer(ErrorCode.INTERNAL_ERROR,
                    "Artifact I/O failed: " + io.getMessage()) : ErrorAnswer.of((RuntimeException) e);
            if (error.code() == ErrorCode.INTERNAL_ERROR) {
                LOG.warn("{} {} failed", method, path, e);
            }
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                JsonAnswers.send(response, callback, error);
            }
        }
        return true;
    }

    private void route(String call, String method, Request request, Response response, Callback callback)
            throws IOException {
        if (call.equals(FILES)) {
            requireMethod(method, "GET");
            String folder = Optional.ofNullable(Request.extractQueryParameters(request).getValue("path")).orElse("");
            list(folder, response, callback);
        } else if (call.startsWith(FILES + "/")) {
            String path = decode(call.substring(FILES.length() + 1));
            switch (method) {
                case "GET" -> download(path, response, callback);
                case "PUT" -> upload(path, request, response, callback);
                case "DELETE" -> delete(path, response, callback);
                default -> throw wrongMethod(method, "GET, PUT or DELETE");
            }
        } else if (call.startsWith("mpu/")) {
            throw new RestException(ErrorCode.NOT_IMPLEMENTED, "Multipart upload is not supported for the current "
                    + "artifact repository; upload the file in one PUT to artifacts/<path>.");
        } else {
            throw new RestException(ErrorCode.ENDPOINT_NOT_FOUND, "No artifact endpoint at '" + call + "'; this "
                    + "server answers artifacts (GET ?path=), artifacts/<path> (GET, PUT, DELETE).");
        }
    }

    private void list(String folder, Response response, Callback callback) throws IOException {
        Optional<RunPath> run = runPath(folder);
        List<ArtifactInfo> entries = run.isPresent()
                ? store.listArtifacts(run.get().runId(), run.get().path()).stream()
                        .map(entry -> new ArtifactInfo(entry.path().substring(entry.path().lastIndexOf('/') + 1),
                                entry.directory(), entry.size())).toList()
                : destination.orElseThrow().list(folder);
        var answer = MlflowJson.object();
        var files = answer.putArray("files");
        for (ArtifactInfo entry : entries) {
            var file = files.addObject().put("path", entry.path()).put("is_dir", entry.directory());
            if (!entry.directory()) {
                file.put("file_size", entry.size());
            }
        }
        JsonAnswers.send(response, callback, 200, answer);
    }

    private void download(String path, Response response, Callback callback) throws IOException {
        Optional<RunPath> run = runPath(path);
        InputStream content;
        long length = -1;
        if (run.isPresent()) {
            try {
                content = store.openArtifact(run.get().runId(), run.get().path());
            } catch (TrackingNotFoundException e) {
                throw new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "Run " + run.get().runId()
                        + " has no artifact '" + run.get().path() + "'.");
            }
        } else {
            Path file = destination.orElseThrow().file(path);
            length = Files.size(file);
            content = Files.newInputStream(file);
        }
        response.setStatus(200);
        HttpFields.Mutable headers = response.getHeaders();
        PlainAnswers.secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, ArtifactEndpoint.contentType(path));
        String name = path.substring(path.lastIndexOf('/') + 1);
        headers.put("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        if (length >= 0) {
            headers.put(HttpHeader.CONTENT_LENGTH, length);
        }
        try (InputStream in = content; OutputStream out = Content.Sink.asOutputStream(response)) {
            in.transferTo(out);
        }
        callback.succeeded();
    }

    private void upload(String path, Request request, Response response, Callback callback) throws IOException {
        long declared = request.getLength();
        if (declared > maxUploadBytes) {
            throw tooLarge();
        }
        Optional<RunPath> run = runPath(path);
        if (run.isPresent() && run.get().path().isEmpty()) {
            throw RestException.invalid("path", "a file below the run's artifacts", "'" + path + "'");
        }
        try (InputStream body = new Limited(Content.Source.asInputStream(request))) {
            if (run.isPresent()) {
                store.writeArtifact(run.get().runId(), run.get().path(), body);
            } else {
                destination.orElseThrow().write(path, body);
            }
        }
        JsonAnswers.send(response, callback, 200, MlflowJson.object());
    }

    private void delete(String path, Response response, Callback callback) throws IOException {
        Optional<RunPath> run = runPath(path);
        if (run.isPresent()) {
            throw new RestException(ErrorCode.NOT_IMPLEMENTED, "The store keeps the artifacts of run "
                    + run.get().runId() + " for the run's life; delete the run (runs/delete) instead.");
        }
        destination.orElseThrow().delete(path);
        JsonAnswers.send(response, callback, 200, MlflowJson.object());
    }

    /** A path of a run's artifacts: {@code <experiment id>/<run id>/artifacts[/<path>]} of a run of the store. */
    private Optional<RunPath> runPath(String path) {
        List<String> segments = Arrays.asList(path.split("/", -1));
        if (segments.size() < 3 || !segments.get(2).equals(FILES) || !RUN_ID.matcher(segments.get(1)).matches()) {
            return Optional.empty();
        }
        Optional<Run> run = store.getRun(segments.get(1));
        if (run.isEmpty() || !run.get().info().experimentId().equals(segments.get(0))) {
            return Optional.empty();
        }
        String rest = String.join("/", segments.subList(3, segments.size()));
        return Optional.of(new RunPath(segments.get(1), rest));
    }

    private RestException tooLarge() {
        return RestException.tooLarge("The upload", maxUploadBytes, "raise the server's artifact limit "
                + "(maxArtifactBytes on TrackingServer's builder, --max-artifact-mb on the command line) or log a "
                + "smaller file.");
    }

    private static RestException wrongMethod(String method, String allowed) {
        return new RestException(ErrorCode.BAD_REQUEST, "Use " + allowed + " here, not " + method + ".");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw wrongMethod(method, allowed);
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestException.invalid("path", "a path with well-formed %-escapes", "'" + raw + "'");
        }
    }

    /** A run and a path below its artifacts. */
    private record RunPath(String runId, String path) {
    }

    /** Stops an upload at the limit, with the error that answers 413; the writer then removes what it wrote. */
    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxUploadBytes) {
                throw tooLarge();
            }
        }
    }
}
