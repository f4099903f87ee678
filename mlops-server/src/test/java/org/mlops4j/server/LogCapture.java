package org.mlops4j.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what is written to {@code System.err} (where slf4j-simple logs, from every thread) while it is open, so a
 * test can check that nothing was logged as a stack trace. Everything still reaches the real {@code System.err}.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    /** Starts copying. */
    public LogCapture() {
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** @return what was logged so far */
    public synchronized String text() {
        return copy.toString(StandardCharsets.UTF_8);
    }

    /** @return whether a stack trace (a line starting with a tab and "at ") was logged */
    public boolean hasStackTrace() {
        return text().lines().anyMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: "));
    }

    /** Stops copying. */
    @Override
    public void close() {
        System.setErr(original);
    }
}
