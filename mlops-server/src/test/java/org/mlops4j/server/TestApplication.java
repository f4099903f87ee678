package org.mlops4j.server;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The application the server tests put behind {@link MlopsHttpServer}: {@code /ok} answers at once, {@code /hold}
 * blocks its thread until the test releases it (as a slow store read would), {@code /body} reads the whole request
 * body and answers its length.
 */
final class TestApplication extends Handler.Abstract {

    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger holding = new AtomicInteger();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String answer;
        switch (path) {
            case "/hold" -> {
                holding.incrementAndGet();
                boolean released = release.await(20, TimeUnit.SECONDS);
                answer = released ? "held and released" : "never released";
            }
            case "/body" -> {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    answer = "read " + in.readAllBytes().length + " bytes";
                }
            }
            default -> answer = "ok";
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** Waits until this many requests are blocked in {@code /hold}. */
    void awaitHolding(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (holding.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " requests in /hold; found " + holding.get());
            }
            Thread.sleep(10);
        }
    }
}
