package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.TrackingClient;
import picocli.CommandLine;

/** {@code mlops ui} started in-process on a free port, serving runs a test logged into a real file store. */
class UiCommandTest {

    @TempDir
    Path work;

    @Test
    void servesTheRunsOfTheGivenStoreOnLoopback() throws Exception {
        URI store = work.resolve("mlruns").toUri();
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), store)) {
            tracking.run("leads", "first-run", run -> {
                run.logMetric("auc", 0.81);
                return null;
            });
        }
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new MlopsCommand()).setOut(new PrintWriter(out, true));
        Thread server = new Thread(() -> command.execute("ui", "--port", "0", "--tracking-uri", store.toString()));
        server.setDaemon(true);
        server.start();
        URI url = awaitUrl(out);
        assertEquals("127.0.0.1", url.getHost());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url.resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("leads"), page.body());
        server.interrupt();
    }

    private static URI awaitUrl(StringWriter out) throws InterruptedException {
        Pattern at = Pattern.compile(" at (http://\\S+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = at.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the UI did not start: " + out);
    }
}
