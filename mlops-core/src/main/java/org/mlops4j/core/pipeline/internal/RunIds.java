package org.mlops4j.core.pipeline.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This class is internal and is hence not for public use. Makes run ids that sort by start time and do not collide:
 * {@code 20250131-235959-123-<8 hex digits>} (UTC).
 */
public final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /**
     * @param start when the run starts
     * @return a new run id
     */
    public static String next(Instant start) {
        return FORMAT.format(start) + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
