package org.mlops4j.tracking.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids: experiments get 18 random decimal digits (as MLflow's file store; no counter to share between processes),
 * runs get a random UUID as 32 hexadecimal characters.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class StoreIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreIds() {
    }

    /** @return a new experiment id: 18 decimal digits, the first not 0 */
    public static String newExperimentId() {
        StringBuilder id = new StringBuilder(18);
        id.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < 18; i++) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }

    /** @return a new run id: 32 lower-case hexadecimal characters */
    public static String newRunId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
