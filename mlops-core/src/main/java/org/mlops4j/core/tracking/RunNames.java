package org.mlops4j.core.tracking;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates readable run names such as {@code brave-owl-417} for runs started without one, as MLflow does.
 */
public final class RunNames {

    private static final List<String> ADJECTIVES = List.of("amber", "bold", "brave", "bright", "calm", "clever",
            "crisp", "curious", "dapper", "eager", "fair", "fast", "gentle", "glad", "grand", "honest", "keen",
            "kind", "lively", "lucid", "merry", "mighty", "neat", "nimble", "noble", "patient", "polite", "proud",
            "quiet", "rapid", "sharp", "shy", "silent", "smart", "steady", "sunny", "swift", "tidy", "vast", "wise");
    private static final List<String> NOUNS = List.of("ant", "bat", "bear", "bee", "carp", "cat", "colt", "crab",
            "crane", "deer", "dove", "eel", "elk", "finch", "fox", "frog", "gnu", "goat", "hare", "hawk", "heron",
            "ibis", "jay", "koala", "lark", "lynx", "mole", "moth", "newt", "owl", "panda", "puma", "quail", "ram",
            "seal", "shrew", "snail", "swan", "toad", "wolf", "wren", "yak");

    private RunNames() {
    }

    /** @return a name made of an adjective, an animal and a number below 1000 */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + random.nextInt(1000);
    }
}
