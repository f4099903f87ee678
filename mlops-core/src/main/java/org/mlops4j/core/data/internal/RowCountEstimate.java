package org.mlops4j.core.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Guesses how many rows a CSV input holds from the length of the lines at its start, so that columns can be sized
 * once instead of growing (and copying) their arrays many times. The guess only sizes memory: a wrong one costs a
 * copy, never a wrong result. Thread-safe (stateless).
 */
public final class RowCountEstimate {

    /** What callers use when there is nothing to go by. */
    public static final int UNKNOWN = 1024;

    private static final int SAMPLE = 1 << 16;
    private static final int MAX_ESTIMATE = 1 << 26;

    private RowCountEstimate() {
    }

    /**
     * @param file a CSV file
     * @return the estimated number of data rows, or {@link #UNKNOWN} when the file cannot be sampled
     */
    public static int ofFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = in.readNBytes(SAMPLE);
            int firstBreak = -1;
            int breaks = 0;
            int lastBreak = -1;
            for (int i = 0; i < sample.length; i++) {
                if (sample[i] == '\n') {
                    breaks++;
                    lastBreak = i;
                    if (firstBreak < 0) {
                        firstBreak = i;
                    }
                }
            }
            return estimate(size, sample.length, firstBreak, lastBreak, breaks);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * @param text the whole CSV text
     * @return the estimated number of data rows
     */
    public static int ofText(String text) {
        int sampled = Math.min(text.length(), SAMPLE);
        int firstBreak = -1;
        int breaks = 0;
        int lastBreak = -1;
        for (int i = text.indexOf('\n'); i >= 0 && i < sampled; i = text.indexOf('\n', i + 1)) {
            breaks++;
            lastBreak = i;
            if (firstBreak < 0) {
                firstBreak = i;
            }
        }
        return estimate(text.length(), sampled, firstBreak, lastBreak, breaks);
    }

    private static int estimate(long size, int sampled, int firstBreak, int lastBreak, int breaks) {
        if (sampled == size) {
            return Math.max(16, breaks + 1);
        }
        if (breaks < 2) {
            return UNKNOWN;
        }
        double perRow = (lastBreak - firstBreak) / (double) (breaks - 1);
        double rows = (size - firstBreak - 1) / perRow;
        return (int) Math.min(MAX_ESTIMATE, Math.max(16, rows * 1.02 + 16));
    }
}
