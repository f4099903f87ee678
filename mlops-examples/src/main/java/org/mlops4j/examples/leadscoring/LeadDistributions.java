package org.mlops4j.examples.leadscoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distributions of the raw columns of the case study's training population (from its published profile), and
 * the share of class 1 per level measured on its labelled inference sample. Package-private facts for
 * {@link LeadGenerator}.
 */
final class LeadDistributions {

    static final String PLATFORM = "first_platform_c";
    static final String MEDIUM = "first_utm_medium_c";
    static final String SOURCE = "first_utm_source_c";
    /** The three source columns, in the order the label model uses. */
    static final List<String> SOURCE_COLUMNS = List.of(PLATFORM, SOURCE, MEDIUM);

    /** Cities that the tier mapping does not list (all tier 3). */
    static final int UNMAPPED_CITIES = 1450;
    /** Share of leads per tier among mapped cities, of unmapped cities, and of a missing city (tier 3 in total 30.7 %). */
    private static final double TIER1 = 0.515;
    private static final double TIER2 = 0.179;
    private static final double TIER3_MAPPED = 0.080;
    private static final double UNMAPPED = 0.187;
    private static final double NULL_CITY = 0.040;
    /** Share of missing values in total_leads_droppped and referred_lead. */
    private static final double NULL_NUMBER = 0.003;

    /** The share of class 1 of a value without a published share: that of the column's {@code others}. */
    private static final Map<String, Map<String, Double>> POSITIVE_RATES = new LinkedHashMap<>();

    static {
        POSITIVE_RATES.put(PLATFORM, Map.of("Level0", 0.63, "Level3", 0.504, "Level2", 0.273, "Level8", 0.256,
                "Level7", 0.076, "Level1", 0.036, LeadScoringMappings.OTHERS, 0.521));
        POSITIVE_RATES.put(SOURCE, Map.of("Level16", 0.761, "Level2", 0.583, "Level0", 0.567, "Level7", 0.522,
                "Level6", 0.277, "Level4", 0.033, LeadScoringMappings.OTHERS, 0.431));
        Map<String, Double> medium = new LinkedHashMap<>();
        medium.put("Level11", 0.705);
        medium.put("Level9", 0.671);
        medium.put("Level4", 0.643);
        medium.put("Level13", 0.641);
        medium.put("Level0", 0.583);
        medium.put("Level8", 0.53);
        medium.put("Level6", 0.448);
        medium.put("Level2", 0.436);
        medium.put("Level30", 0.062);
        medium.put("Level15", 0.018);
        medium.put(LeadScoringMappings.OTHERS, 0.43);
        POSITIVE_RATES.put(MEDIUM, medium);
    }

    /** Share of class 1 by city tier 1, 2, 3. */
    static final double[] TIER_RATES = {0.531, 0.505, 0.446};
    /** Share of class 1 by referred_lead 0, 1. */
    static final double[] REFERRED_RATES = {0.485, 0.961};
    /** Share of class 1 by total_leads_droppped 0, 1, 2, 3, 4, 5 or more (0 has no published share). */
    static final double[] LEADS_RATES = {0.45, 0.375, 0.691, 0.733, 0.689, 0.70};

    private LeadDistributions() {
    }

    /**
     * @param column   one of the three source columns
     * @param level    a mapped level
     * @return the share of class 1 among leads with that level
     */
    static double positiveRate(String column, String level) {
        Map<String, Double> rates = POSITIVE_RATES.get(column);
        return rates.getOrDefault(level, rates.get(LeadScoringMappings.OTHERS));
    }

    /** @return the base distribution of every raw column that {@link LeadDrift} may change, by column */
    static Map<String, LevelShares> base(LeadScoringMappings mappings) {
        Map<String, LevelShares> columns = new LinkedHashMap<>();
        columns.put(LeadDataTransforms.CITY, cities(mappings));
        columns.put(PLATFORM, levels(49, Map.ofEntries(Map.entry(0, 35.2), Map.entry(3, 17.1), Map.entry(7, 16.0),
                Map.entry(1, 8.7), Map.entry(2, 5.5), Map.entry(8, 4.5), Map.entry(5, 4.1), Map.entry(4, 2.3),
                Map.entry(16, 1.6), Map.entry(10, 1.4), Map.entry(12, 1.3), Map.entry(18, 0.9)), 1.4));
        columns.put(MEDIUM, levels(60, Map.ofEntries(Map.entry(0, 22.7), Map.entry(2, 11.3), Map.entry(6, 10.0),
                Map.entry(3, 8.3), Map.entry(4, 7.5), Map.entry(9, 6.0), Map.entry(11, 4.8), Map.entry(5, 3.8),
                Map.entry(8, 3.0), Map.entry(20, 2.5), Map.entry(13, 2.1), Map.entry(30, 1.7), Map.entry(33, 1.4),
                Map.entry(16, 1.1), Map.entry(10, 0.9), Map.entry(15, 0.8), Map.entry(26, 0.7), Map.entry(43, 0.6)),
                10.8));
        columns.put(SOURCE, levels(30, Map.ofEntries(Map.entry(2, 34.8), Map.entry(0, 23.7), Map.entry(7, 7.8),
                Map.entry(4, 6.6), Map.entry(6, 5.6), Map.entry(16, 4.4), Map.entry(5, 3.2), Map.entry(14, 2.2)),
                11.7));
        columns.put(LeadDataTransforms.LEADS_DROPPED, leadsDropped());
        columns.put(LeadDataTransforms.REFERRED, new LevelShares(Arrays.asList("0.0", "1.0", null),
                new double[] {(1 - NULL_NUMBER) * 0.968, (1 - NULL_NUMBER) * 0.032, NULL_NUMBER}));
        return columns;
    }

    /**
     * Levels {@code Level0 .. Level(count-1)}: the listed ones with their shares in percent, the others sharing
     * {@code restPercent} with Zipf-like weights.
     */
    private static LevelShares levels(int count, Map<Integer, Double> listed, double restPercent) {
        List<String> names = new ArrayList<>();
        double[] weights = new double[count];
        int rest = count - listed.size();
        double harmonic = 0;
        for (int k = 1; k <= rest; k++) {
            harmonic += 1.0 / k;
        }
        int rank = 1;
        for (int i = 0; i < count; i++) {
            names.add("Level" + i);
            if (listed.containsKey(i)) {
                weights[i] = listed.get(i);
            } else {
                weights[i] = restPercent / harmonic / rank++;
            }
        }
        return new LevelShares(names, weights);
    }

    private static LevelShares cities(LeadScoringMappings mappings) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (double tier = 1; tier <= 3; tier++) {
            List<String> inTier = new ArrayList<>();
            for (Map.Entry<String, Double> city : mappings.cityTiers().entrySet()) {
                if (city.getValue() == tier) {
                    inTier.add(city.getKey());
                }
            }
            addZipf(names, weights, inTier, tier == 1 ? TIER1 : tier == 2 ? TIER2 : TIER3_MAPPED, 1.0);
        }
        addZipf(names, weights, CityNames.generate(UNMAPPED_CITIES, Set.copyOf(mappings.cityTiers().keySet())),
                UNMAPPED, 1.0);
        names.add(null);
        weights.add(NULL_CITY);
        return new LevelShares(names, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void addZipf(List<String> names, List<Double> weights, List<String> group, double mass,
                                double exponent) {
        double norm = 0;
        for (int k = 1; k <= group.size(); k++) {
            norm += Math.pow(k, -exponent);
        }
        for (int k = 1; k <= group.size(); k++) {
            names.add(group.get(k - 1));
            weights.add(mass * Math.pow(k, -exponent) / norm);
        }
    }

    /** 0 to 89: mostly 1, a geometric tail from 5 on and a few large counts; mean about 1.65 after nulls become 0. */
    private static LevelShares leadsDropped() {
        List<String> values = new ArrayList<>();
        double[] weights = new double[91];
        double[] head = {0.02, 0.68, 0.17, 0.06, 0.03};
        double tailMass = 0.04;
        double ratio = 0.74;
        double tailNorm = 0;
        for (int k = 5; k <= 89; k++) {
            tailNorm += Math.pow(ratio, k - 5);
        }
        for (int k = 0; k <= 89; k++) {
            values.add(k + ".0");
            double weight = k < 5 ? head[k] : tailMass * Math.pow(ratio, k - 5) / tailNorm;
            if (k >= 20) {
                weight += 0.0005 / 70; // the rare heavy users, up to 89
            }
            weights[k] = weight * (1 - NULL_NUMBER);
        }
        values.add(null);
        weights[90] = NULL_NUMBER;
        return new LevelShares(values, weights);
    }
}
