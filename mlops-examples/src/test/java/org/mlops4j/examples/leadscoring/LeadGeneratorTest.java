package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.CsvReadResult;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class LeadGeneratorTest {

    private static final int ROWS = 40_000;
    private static final LeadScoringMappings MAPPINGS = LeadScoringMappings.bundled();
    private static LeadBatch batch;
    private static Table leads;

    @TempDir
    Path folder;

    @BeforeAll
    static void generate() {
        batch = LeadGenerator.builder().seed(11).rows(ROWS).build().generate();
        leads = batch.table();
    }

    /** Share of each value (null as "null"), after mapping the column's levels when {@code mapped}. */
    private static Map<String, Double> shares(Table table, String column, boolean mapped) {
        Column values = table.column(column);
        Map<String, Double> out = new HashMap<>();
        for (int row = 0; row < values.size(); row++) {
            String value = values.isNull(row) ? null : values.format(row);
            String key = mapped ? MAPPINGS.mapLevel(column, value) : String.valueOf(value);
            out.merge(key, 1.0 / values.size(), Double::sum);
        }
        return out;
    }

    private static double tvdPercentagePoints(Map<String, Double> p, Map<String, Double> q) {
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        return 50 * keys.stream().mapToDouble(k -> Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0))).sum();
    }

    /** The Mann-Whitney AUC, ties counted half. */
    static double auc(double[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1.0) {
                    rankSumPositive += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    @Test
    void writesTheRawSchemaColumnsInOrderWithOrWithoutTheTarget() {
        LeadScoringSchemas schemas = LeadScoringSchemas.bundled();
        assertEquals(schemas.rawColumns(), leads.columnNames());
        Table inference = LeadGenerator.builder().rows(10).withTarget(false).build().generate().table();
        assertEquals(schemas.rawColumns(true), inference.columnNames());
    }

    @Test
    void givesTheSameRowsForTheSameSeedAndOtherRowsForAnother() {
        Table first = LeadGenerator.builder().seed(5).rows(300).build().generate().table();
        Table again = LeadGenerator.builder().seed(5).rows(300).build().generate().table();
        Table other = LeadGenerator.builder().seed(6).rows(300).build().generate().table();
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void reproducesTheCaseStudysMarginalDistributions() {
        assertEquals(0.352, shares(leads, "first_platform_c", false).get("Level0"), 0.01);
        assertEquals(0.160, shares(leads, "first_platform_c", false).get("Level7"), 0.01);
        assertEquals(0.129, shares(leads, "first_platform_c", true).get("others"), 0.01);
        assertEquals(0.227, shares(leads, "first_utm_medium_c", true).get("Level0"), 0.01);
        assertEquals(0.108, shares(leads, "first_utm_medium_c", true).get("others"), 0.01);
        assertEquals(0.348, shares(leads, "first_utm_source_c", true).get("Level2"), 0.01);
        assertEquals(0.117, shares(leads, "first_utm_source_c", true).get("others"), 0.01);
        assertEquals(49, shares(leads, "first_platform_c", false).size(), 2);
        assertEquals(0.04, shares(leads, "city_mapped", false).get("null"), 0.005);
        assertTrue(shares(leads, "city_mapped", false).size() > 1000, "over a thousand distinct cities");
        assertEquals(0.032, leads.numeric("referred_lead").sum() / ROWS, 0.004);
        assertEquals(0.003, leads.numeric("total_leads_droppped").nullCount() / (double) ROWS, 0.0015);
        assertEquals(1.648, leads.numeric("total_leads_droppped").fillNulls(0).sum() / ROWS, 0.08);
        assertEquals(LeadGenerator.BASE_POSITIVE_SHARE, leads.numeric("app_complete_flag").sum() / ROWS, 0.01);
        Table tiers = new LeadDataTransforms(MAPPINGS, LeadScoringSchemas.bundled()).mapCityTier(leads);
        Map<String, Double> tierShares = shares(tiers, "city_tier", false);
        assertEquals(0.515, tierShares.get("1.0"), 0.01);
        assertEquals(0.179, tierShares.get("2.0"), 0.01);
        assertEquals(0.307, tierShares.get("3.0"), 0.01);
        for (String interaction : MAPPINGS.interactionColumns()) {
            assertTrue(leads.numeric(interaction).nullCount() > ROWS * 0.999, interaction);
        }
    }

    @Test
    void trueProbabilitiesReachAnAucOfAboutPointEightOne() {
        double[] labels = leads.numeric("app_complete_flag").toArray();
        double auc = auc(batch.probabilities(), labels);
        assertTrue(auc > 0.80 && auc < 0.83, "AUC of the true probabilities: " + auc);
    }

    @Test
    void labelNoiseLowersTheAchievableAuc() {
        LeadBatch noisy = LeadGenerator.builder().seed(11).rows(ROWS).labelNoise(0.1).build().generate();
        double auc = auc(noisy.probabilities(), noisy.table().numeric("app_complete_flag").toArray());
        assertTrue(auc < 0.78, "AUC with 10 % flipped labels: " + auc);
    }

    @Test
    void keepsThePublishedOrderOfTheShareOfClassOnePerLevel() {
        NumericColumn target = leads.numeric("app_complete_flag");
        Map<String, double[]> byLevel = new HashMap<>();
        Column platform = leads.column("first_platform_c");
        for (int row = 0; row < ROWS; row++) {
            String level = MAPPINGS.mapLevel("first_platform_c", platform.format(row));
            double[] counts = byLevel.computeIfAbsent(level, l -> new double[2]);
            counts[0] += target.getDouble(row);
            counts[1]++;
        }
        String[] publishedOrder = {"Level1", "Level7", "Level8", "Level2", "Level3", "others", "Level0"};
        for (int i = 1; i < publishedOrder.length; i++) {
            double lower = byLevel.get(publishedOrder[i - 1])[0] / byLevel.get(publishedOrder[i - 1])[1];
            double higher = byLevel.get(publishedOrder[i])[0] / byLevel.get(publishedOrder[i])[1];
            assertTrue(lower < higher + 0.03, publishedOrder[i - 1] + " " + lower + " vs " + publishedOrder[i] + " "
                    + higher);
        }
        double referred = 0;
        double referredCount = 0;
        NumericColumn referral = leads.numeric("referred_lead");
        for (int row = 0; row < ROWS; row++) {
            if (!referral.isNull(row) && referral.getDouble(row) == 1.0) {
                referred += target.getDouble(row);
                referredCount++;
            }
        }
        assertTrue(referred / referredCount > 0.75, "referred leads mostly complete: " + referred / referredCount);
    }

    @Test
    void movesExactlyTheRequestedMassAndSamplesShowIt() {
        for (double size : new double[] {2, 6, 12}) {
            LeadGenerator drifted = LeadGenerator.builder().seed(12).rows(ROWS)
                    .drift(LeadDrift.moveMass("first_platform_c", size)).build();
            Map<String, Double> before = LeadGenerator.builder().build().distribution("first_platform_c");
            assertEquals(size, tvdPercentagePoints(before, drifted.distribution("first_platform_c")), 1e-9);
            double measured = tvdPercentagePoints(shares(leads, "first_platform_c", false),
                    shares(drifted.generate().table(), "first_platform_c", false));
            assertEquals(size, measured, 1.0, "measured TVD for " + size + " pp");
        }
        LeadGenerator leadsDrift = LeadGenerator.builder().seed(13).rows(ROWS)
                .drift(LeadDrift.moveMass("total_leads_droppped", 6)).build();
        double measured = tvdPercentagePoints(shares(leads, "total_leads_droppped", false),
                shares(leadsDrift.generate().table(), "total_leads_droppped", false));
        assertEquals(6, measured, 1.0);
    }

    @Test
    void reproducesTheCaseStudysInferenceDrift() {
        Table drifted = LeadGenerator.builder().seed(14).rows(ROWS).caseStudyInferenceDrift().build().generate()
                .table();
        for (String column : new String[] {"first_platform_c", "first_utm_medium_c", "first_utm_source_c"}) {
            assertEquals(0.35, shares(drifted, column, true).get("others"), 0.01, column);
        }
        assertEquals(0.04, shares(drifted, "first_platform_c", true).get("Level7"), 0.005);
        assertEquals(LeadGenerator.BASE_POSITIVE_SHARE, drifted.numeric("app_complete_flag").sum() / ROWS, 0.01);
        assertEquals(0.032, drifted.numeric("referred_lead").sum() / ROWS, 0.004);
    }

    @Test
    void rejectsDriftOfAColumnThatCannotDriftOrAValueItLacks() {
        assertThrows(ConfigurationException.class, () -> LeadGenerator.builder()
                .drift(LeadDrift.moveMass("created_date", 5)).build());
        assertThrows(ConfigurationException.class, () -> LeadGenerator.builder()
                .drift(LeadDrift.shares("first_platform_c", Map.of("Level999", 0.1))).build());
        assertThrows(IllegalArgumentException.class, () -> LeadDrift.moveMass("first_platform_c", 60));
    }

    @Test
    void writesAFileWithAnUnnamedIndexColumnThatTheDataPipelineAccepts() throws Exception {
        Path file = folder.resolve("leads.csv");
        Table written = LeadGenerator.builder().seed(3).rows(500).indexColumn(true).build().write(file);
        assertTrue(Files.readAllLines(file).get(0).startsWith(",created_date,city_mapped,"));
        assertTrue(Files.readAllLines(file).get(2).startsWith("1,"));
        CsvReadResult read = CsvReader.builder().build().readWithReport(file);
        assertTrue(read.report().indexColumnDropped());
        assertEquals(written.columnNames(), read.table().columnNames());
        assertEquals(500, read.table().rowCount());
        var run = new org.mlops4j.core.pipeline.PipelineRunner[] {
            org.mlops4j.core.pipeline.PipelineRunner.builder().threads(1).build()};
        try (var runner = run[0]) {
            var result = runner.run(LeadScoringPipelines.data(DataPipelineOptions.builder(file,
                    folder.resolve("leads.db")).build()));
            assertEquals(org.mlops4j.core.pipeline.PipelineState.SUCCEEDED, result.state(),
                    () -> result.steps().toString());
        }
    }
}
