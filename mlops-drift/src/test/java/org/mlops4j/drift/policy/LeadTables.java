package org.mlops4j.drift.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * Lead-scoring model-input tables with exact level shares (the case study's published shares, rounded to sum to 100
 * %), so that the expected deviation of every column follows from the shares alone.
 */
final class LeadTables {

    static final Map<String, Double> CITY_TIER = shares("1", 51.5, "2", 17.9, "3", 30.6);
    static final Map<String, Double> REFERRED = shares("0", 96.8, "1", 3.2);
    static final Map<String, Double> LEADS_DROPPED = shares("0", 4.0, "1", 55.0, "2", 18.0, "3", 9.0, "4", 5.0,
            "5", 3.0, "6", 2.0, "7", 1.5, "8", 1.0, "9", 0.5, "10", 0.4, "12", 0.3, "15", 0.2, "20", 0.1);
    static final Map<String, Double> PLATFORM = shares("Level0", 35.2, "Level3", 17.1, "Level7", 16.0,
            "Level1", 8.7, "Level2", 5.5, "Level8", 4.5, "others", 13.0);
    static final Map<String, Double> MEDIUM = shares("Level0", 22.7, "Level2", 11.3, "others", 10.8, "Level6", 10.0,
            "Level3", 8.3, "Level9", 12.0, "Level11", 10.0, "Level13", 8.0, "Level30", 6.9);
    static final Map<String, Double> SOURCE = shares("Level2", 34.8, "Level0", 23.7, "others", 11.7, "Level7", 7.8,
            "Level4", 6.6, "Level6", 8.0, "Level16", 7.4);
    static final Map<String, Double> TARGET = shares("0", 49.8, "1", 50.2);

    private LeadTables() {
    }

    /** The columns of the case study's model input, each with the given shares in percent. */
    static Table table(int rows, Map<String, Double> leadsDropped, Map<String, Double> cityTier,
                       Map<String, Double> referred, Map<String, Double> platform, Map<String, Double> medium,
                       Map<String, Double> source, long seed) {
        Random random = new Random(seed);
        return Table.of(
                NumericColumn.of("total_leads_droppped", numbers(values(leadsDropped, rows, random))),
                NumericColumn.of("city_tier", numbers(values(cityTier, rows, random))),
                NumericColumn.of("referred_lead", numbers(values(referred, rows, random))),
                CategoricalColumn.of("first_platform_c", values(platform, rows, random).toArray(String[]::new)),
                CategoricalColumn.of("first_utm_medium_c", values(medium, rows, random).toArray(String[]::new)),
                CategoricalColumn.of("first_utm_source_c", values(source, rows, random).toArray(String[]::new)),
                NumericColumn.of("app_complete_flag", numbers(values(TARGET, rows, random))));
    }

    static Table reference(int rows) {
        return table(rows, LEADS_DROPPED, CITY_TIER, REFERRED, PLATFORM, MEDIUM, SOURCE, 1);
    }

    /**
     * The drift the case study's inference data carries: {@code others} rises to 35 % in the three source columns,
     * platform {@code Level7} falls to 4 %, the remaining levels shrink in proportion.
     */
    static Table caseStudyDrift(int rows) {
        Map<String, Double> platform = rescale(PLATFORM, Map.of("others", 35.0, "Level7", 4.0));
        Map<String, Double> medium = rescale(MEDIUM, Map.of("others", 35.0));
        Map<String, Double> source = rescale(SOURCE, Map.of("others", 35.0));
        return table(rows, LEADS_DROPPED, CITY_TIER, REFERRED, platform, medium, source, 2);
    }

    /** The shares with some levels set and the others scaled so that all sum to 100. */
    static Map<String, Double> rescale(Map<String, Double> shares, Map<String, Double> fixed) {
        double fixedSum = fixed.values().stream().mapToDouble(Double::doubleValue).sum();
        double restBefore = shares.entrySet().stream().filter(e -> !fixed.containsKey(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        shares.forEach((level, share) -> out.put(level, fixed.containsKey(level) ? fixed.get(level)
                : share * (100.0 - fixedSum) / restBefore));
        return out;
    }

    /** Total variation distance in percentage points between two share maps (percent). */
    static double tvd(Map<String, Double> a, Map<String, Double> b) {
        double sum = 0;
        for (String level : a.keySet()) {
            sum += Math.abs(a.get(level) - b.getOrDefault(level, 0.0));
        }
        return sum / 2;
    }

    static Map<String, Double> shares(Object... levelsAndShares) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < levelsAndShares.length; i += 2) {
            out.put((String) levelsAndShares[i], ((Number) levelsAndShares[i + 1]).doubleValue());
        }
        return out;
    }

    /** Exactly round(share * rows / 100) values of each level (largest remainders fill up to rows), shuffled. */
    private static List<String> values(Map<String, Double> shares, int rows, Random random) {
        List<String> levels = new ArrayList<>(shares.keySet());
        int[] counts = new int[levels.size()];
        double[] remainders = new double[levels.size()];
        int total = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = shares.get(levels.get(i)) * rows / 100.0;
            counts[i] = (int) Math.floor(exact + 1e-9);
            remainders[i] = exact - counts[i];
            total += counts[i];
        }
        while (total < rows) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            total++;
        }
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                out.add(levels.get(i));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static double[] numbers(List<String> values) {
        return values.stream().mapToDouble(Double::parseDouble).toArray();
    }
}
