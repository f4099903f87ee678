package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowCountEstimateTest {

    @TempDir
    Path folder;

    private static String rows(int count) {
        StringBuilder csv = new StringBuilder("id,name,score\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%07d,name%02d,%.2f\n", i, i % 97,
                    (i % 1000) * 0.25));
        }
        return csv.toString();
    }

    @Test
    void countsTheLinesOfASmallInput() {
        assertEquals(16, RowCountEstimate.ofText("a\n1\n2\n"));
        int estimate = RowCountEstimate.ofText(rows(300));
        assertTrue(estimate >= 300 && estimate <= 302, "estimate " + estimate);
    }

    @Test
    void estimatesALargeFileWithinAFewPercentAboveItsRowCount() throws IOException {
        Path file = folder.resolve("large.csv");
        Files.writeString(file, rows(200_000), StandardCharsets.UTF_8);
        int estimate = RowCountEstimate.ofFile(file);
        assertTrue(estimate >= 200_000 * 0.97 && estimate <= 200_000 * 1.08, "estimate " + estimate);
        assertEquals(estimate, RowCountEstimate.ofText(Files.readString(file)));
    }

    @Test
    void fallsBackWhenTheStartHoldsTooFewLines() throws IOException {
        Path file = folder.resolve("one-line.csv");
        Files.writeString(file, "a," + "x".repeat(200_000) + "\n1,2\n", StandardCharsets.UTF_8);
        assertEquals(RowCountEstimate.UNKNOWN, RowCountEstimate.ofFile(file));
        assertEquals(RowCountEstimate.UNKNOWN, RowCountEstimate.ofFile(folder.resolve("missing.csv")));
    }
}
