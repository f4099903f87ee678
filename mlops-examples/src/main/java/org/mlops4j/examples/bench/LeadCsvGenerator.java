package org.mlops4j.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic lead-scoring CSV shaped like the case study's raw data, for benchmarks: a leading unnamed index
 * column (as pandas writes it), {@code created_date} timestamps between 2021-07-01 and 2022-02-14, lower-case cities
 * (about 1,450 distinct, 4% null), {@code LevelN} strings in the three source columns (49, 60 and 30 levels, skewed),
 * {@code total_leads_droppped} and {@code referred_lead} as floats with 0.3% nulls, 37 interaction counts that are
 * almost all null, and the 0/1 target {@code app_complete_flag}. The same seed gives the same file.
 */
public final class LeadCsvGenerator {

    /** The raw data columns of the case study, in order. */
    public static final List<String> COLUMNS = List.of("created_date", "city_mapped", "first_platform_c",
            "first_utm_medium_c", "first_utm_source_c", "total_leads_droppped", "referred_lead",
            "1_on_1_industry_mentorship", "call_us_button_clicked", "career_assistance", "career_coach",
            "career_impact", "careers", "chat_clicked", "companies", "download_button_clicked", "download_syllabus",
            "emi_partner_click", "emi_plans_clicked", "fee_component_click", "hiring_partners",
            "homepage_upgrad_support_number_clicked", "industry_projects_case_studies", "live_chat_button_clicked",
            "payment_amount_toggle_mover", "placement_support", "placement_support_banner_tab_clicked",
            "program_structure", "programme_curriculum", "programme_faculty",
            "request_callback_on_instant_customer_support_cta_clicked", "shorts_entry_click",
            "social_referral_click", "specialisation_tab_clicked", "specializations", "specilization_click",
            "syllabus", "syllabus_expand", "syllabus_submodule_expand", "tab_career_assistance",
            "tab_job_opportunities", "tab_student_support", "view_programs_page", "whatsapp_chat_click",
            "app_complete_flag");

    /** The case study's top platform levels and their shares; the other 37 levels share the rest. */
    private static final double[] PLATFORM_TOP = {0.352, 0.087, 0.055, 0.171, 0.023, 0.041, 0.003, 0.160, 0.045};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int INTERACTIONS = 37;

    private LeadCsvGenerator() {
    }

    /**
     * @param file the file to write (replaced if it exists)
     * @param rows how many data rows
     * @param seed the random seed
     */
    public static void write(Path file, int rows, long seed) {
        Random random = new Random(seed);
        String[] cities = cityNames(new Random(seed ^ 0x5DEECE66DL), 1450);
        double[] platform = cumulative(platformWeights());
        double[] medium = cumulative(zipfWeights(60, 1.1));
        double[] source = cumulative(zipfWeights(30, 1.3));
        double[] city = cumulative(zipfWeights(cities.length, 1.05));
        LocalDateTime start = LocalDateTime.of(2021, 7, 1, 0, 0);
        long span = java.time.Duration.between(start, LocalDateTime.of(2022, 2, 14, 23, 59, 59)).getSeconds();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("," + String.join(",", COLUMNS) + "\n");
                StringBuilder line = new StringBuilder(256);
                for (int row = 0; row < rows; row++) {
                    line.setLength(0);
                    line.append(row).append(',');
                    line.append(TIME.format(start.plusSeconds((long) (random.nextDouble() * span)))).append(',');
                    if (random.nextDouble() >= 0.04) {
                        line.append(cities[pick(random, city)]);
                    }
                    int platformLevel = pick(random, platform);
                    line.append(",Level").append(platformLevel);
                    line.append(",Level").append(pick(random, medium));
                    line.append(",Level").append(pick(random, source)).append(',');
                    int dropped = 0;
                    if (random.nextDouble() >= 0.003) {
                        dropped = Math.min(89, 1 + geometric(random, 1 / 1.648));
                        line.append(dropped).append(".0");
                    }
                    line.append(',');
                    boolean referred = random.nextDouble() < 0.032;
                    if (random.nextDouble() >= 0.003) {
                        line.append(referred ? "1.0" : "0.0");
                    }
                    for (int i = 0; i < INTERACTIONS; i++) {
                        line.append(',');
                        if (random.nextDouble() < 0.001) {
                            line.append(1 + random.nextInt(3)).append(".0");
                        }
                    }
                    double p = referred ? 0.961 : platformLevel == 0 ? 0.63 : platformLevel == 7 ? 0.076
                            : dropped == 1 ? 0.375 : 0.55;
                    line.append(',').append(random.nextDouble() < p ? '1' : '0').append('\n');
                    out.append(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String[] cityNames(Random random, int count) {
        String[] syllables = {"ka", "pur", "ra", "na", "ga", "bad", "la", "ma", "sha", "ri", "dha", "va", "ko", "te",
            "nag", "gar", "bha", "ja", "chi", "li", "so", "pa", "ta", "ha"};
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        while (names.size() < count) {
            StringBuilder name = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int i = 0; i < parts; i++) {
                name.append(syllables[random.nextInt(syllables.length)]);
            }
            names.add(name.toString());
        }
        return names.toArray(String[]::new);
    }

    private static double[] platformWeights() {
        double[] weights = new double[49];
        double top = 0;
        for (int i = 0; i < PLATFORM_TOP.length; i++) {
            weights[i] = PLATFORM_TOP[i];
            top += PLATFORM_TOP[i];
        }
        double[] tail = zipfWeights(weights.length - PLATFORM_TOP.length, 1.0);
        for (int i = 0; i < tail.length; i++) {
            weights[PLATFORM_TOP.length + i] = (1 - top) * tail[i];
        }
        return weights;
    }

    private static double[] zipfWeights(int count, double exponent) {
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
            sum += weights[i];
        }
        for (int i = 0; i < count; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private static double[] cumulative(double[] weights) {
        double[] out = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            out[i] = sum;
        }
        return out;
    }

    /** @return an index drawn with the probabilities whose running sums are given */
    private static int pick(Random random, double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static int geometric(Random random, double p) {
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    /**
     * Writes the benchmark file.
     *
     * @param args the target file, then optionally the number of rows (default 240000) and the seed (default 42)
     */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "leadscoring-240k.csv");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 240_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        write(file, rows, seed);
        System.out.println("Wrote " + rows + " rows to " + file.toAbsolutePath());
    }
}
