package org.mlops4j.examples.leadscoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plausible lower-case Indian town names for the many cities of the raw data that the case study's tier mapping does
 * not list, made from common name parts; the same list every time.
 */
final class CityNames {

    private static final String[] STARTS = {"ram", "shiv", "bal", "chand", "dev", "har", "kal", "mad", "nar", "rai",
        "sit", "sun", "var", "vik", "amb", "bel", "bhim", "dhar", "gop", "jai", "kar", "kes", "lal", "man", "moh",
        "nav", "pal", "pra", "raj", "sar", "son", "sri", "tir", "udai", "vijay", "anan", "bhav", "chit", "dur", "gan"};
    private static final String[] ENDS = {"pur", "abad", "nagar", "garh", "ganj", "kot", "wadi", "halli", "palli",
        "ur", "puram", "gaon", "khed", "ner", "sar", "pet", "mau", "bagh", "pally", "kheda", "wara", "gudi", "dih",
        "ganj bazar", "kund", "patnam", "pura", "vadi", "oli", "eri", "li", "kal", "pada", "ala", "gadh", "tal",
        "para", "giri"};

    private CityNames() {
    }

    /**
     * @param count   how many names, at most {@code STARTS.length * ENDS.length} less the excluded ones
     * @param exclude names not to produce (the mapped cities)
     * @return distinct names, in a fixed order
     */
    static List<String> generate(int count, Set<String> exclude) {
        Set<String> names = new LinkedHashSet<>();
        for (int round = 0; names.size() < count && round < ENDS.length; round++) {
            for (int s = 0; s < STARTS.length && names.size() < count; s++) {
                String name = STARTS[s] + ENDS[(s + round) % ENDS.length];
                if (!exclude.contains(name)) {
                    names.add(name);
                }
            }
        }
        if (names.size() < count) {
            throw new IllegalArgumentException("Only " + names.size() + " city names can be made, not " + count);
        }
        return new ArrayList<>(names);
    }
}
