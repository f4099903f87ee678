package org.mlops4j.examples.leadscoring;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.core.spi.support.AtomicFiles;

/**
 * Generates realistic raw lead data in the case study's 45-column schema: seeded, any number of rows, with drift of a
 * chosen size in chosen columns, so that new labelled batches, drifted serving windows and the case study's own
 * inference drift can be made on demand.
 *
 * <pre>{@code
 * Table training = LeadGenerator.builder().seed(1).rows(50_000).build().generate().table();
 * LeadGenerator.builder().seed(2).rows(5_000)
 *         .startDate(LocalDate.of(2022, 2, 15)).endDate(LocalDate.of(2022, 3, 14))
 *         .drift(LeadDrift.moveMass("first_platform_c", 6.0))
 *         .build().write(Path.of("window.csv"));
 * }</pre>
 *
 * <h2>What the data looks like</h2>
 * The columns are those of {@code raw_data_schema}, in order. {@code created_date} is uniform between the start and
 * end dates (default 2021-07-01 to 2022-02-14, the case study's range). {@code city_mapped}: the 76 mapped cities
 * (tier 1: 51.5 % of leads, tier 2: 17.9 %) and 1,450 generated lower-case town names, about 4 % null, tier 3 (with
 * unknown and null cities) 30.7 %. The three source columns have the case study's 49, 60 and 30 raw levels with its
 * published shares ({@code first_platform_c}: Level0 35.2 %, Level3 17.1 %, Level7 16.0 %, ...; 12.9 % become
 * {@code others} after mapping). {@code total_leads_droppped}: 0 to 89, mostly 1, mean about 1.65;
 * {@code referred_lead}: 1 in 3.2 %; both 0.3 % null. The 37 interaction columns are almost all null. The target is
 * drawn from {@link LabelModel}: 50.2 % of class 1, per-level shares of class 1 near the published ones, and an AUC of
 * the true probabilities of about 0.81.
 *
 * <p>The same options and seed give the same rows. Instances are immutable and thread-safe; each call of
 * {@link #generate()} starts the random stream anew.
 */
public final class LeadGenerator {

    /** The share of class 1 in the case study's training population. */
    public static final double BASE_POSITIVE_SHARE = 0.502;
    /** Probability that an interaction column of a row holds a click count rather than null. */
    static final double INTERACTION_PROBABILITY = 0.00002;
    /** The columns that {@link LeadDrift} may change. */
    public static final Set<String> DRIFTABLE_COLUMNS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            LeadDataTransforms.CITY, LeadDistributions.PLATFORM, LeadDistributions.MEDIUM, LeadDistributions.SOURCE,
            LeadDataTransforms.LEADS_DROPPED, LeadDataTransforms.REFERRED)));

    private final long seed;
    private final int rows;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final List<LeadDrift> drifts;
    private final double labelNoise;
    private final boolean withTarget;
    private final boolean indexColumn;
    private final LeadScoringMappings mappings;
    private final List<String> columns;
    private final Map<String, LevelShares> distributions;
    private final Map<String, List<String>> othersByColumn = new LinkedHashMap<>();
    private final Map<String, LevelShares> othersShares = new LinkedHashMap<>();
    private final LabelModel labelModel;

    private LeadGenerator(Builder b) {
        this.seed = b.seed;
        this.rows = b.rows;
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.drifts = List.copyOf(b.drifts);
        this.labelNoise = b.labelNoise;
        this.withTarget = b.withTarget;
        this.indexColumn = b.indexColumn;
        this.mappings = b.mappings != null ? b.mappings : LeadScoringMappings.bundled();
        LeadScoringSchemas schemas = b.schemas != null ? b.schemas : LeadScoringSchemas.bundled();
        this.columns = schemas.rawColumns(!withTarget);
        Map<String, LevelShares> base = LeadDistributions.base(mappings);
        Map<String, LevelShares> drawn = new LinkedHashMap<>(base);
        for (LeadDrift drift : drifts) {
            String column = drift.column();
            if (!DRIFTABLE_COLUMNS.contains(column)) {
                throw new ConfigurationException("Column '" + column + "' cannot drift; the columns that can are "
                        + DRIFTABLE_COLUMNS);
            }
            LevelShares shares = drawn.get(column);
            if (drift instanceof LeadDrift.MassMove move) {
                drawn.put(column, shares.moveMass(move.percentagePoints()));
            } else if (drift instanceof LeadDrift.TargetShares target) {
                drawn.put(column, shares.withShares(target.shares(), Set.copyOf(othersOf(column, shares)), column));
            }
        }
        this.distributions = Collections.unmodifiableMap(drawn);
        for (String column : LeadDistributions.SOURCE_COLUMNS) {
            LevelShares shares = drawn.get(column);
            List<String> others = othersOf(column, shares);
            othersByColumn.put(column, others);
            othersShares.put(column, new LevelShares(others,
                    others.stream().mapToDouble(shares::shareOf).map(s -> Math.max(s, 0)).toArray()));
        }
        LabelModel atBase = fitLabelModel(base, base, BASE_POSITIVE_SHARE);
        if (b.labelShare != null) {
            this.labelModel = fitLabelModel(base, drawn, b.labelShare);
        } else {
            // the labels follow the drifted features: the model, intercept included, stays that of the base data
            this.labelModel = fitLabelModel(base, drawn, BASE_POSITIVE_SHARE).withIntercept(atBase.intercept());
        }
    }

    /** @return a builder: seed 0, 10,000 rows, the case study's dates, no drift, no label noise, with the target */
    public static Builder builder() {
        return new Builder();
    }

    private List<String> othersOf(String column, LevelShares shares) {
        if (!mappings.significantLevels().containsKey(column)) {
            return List.of();
        }
        List<String> others = new ArrayList<>();
        for (String value : shares.values()) {
            if (value != null && mappings.mapLevel(column, value).equals(LeadScoringMappings.OTHERS)) {
                others.add(value);
            }
        }
        return others;
    }

    private LabelModel fitLabelModel(Map<String, LevelShares> base, Map<String, LevelShares> drawn, double share) {
        return LabelModel.fit(mapped(base), mapped(drawn), tierShares(base), referredShares(base), leadsShares(base),
                tierShares(drawn), referredShares(drawn), leadsShares(drawn), share);
    }

    private Map<String, Map<String, Double>> mapped(Map<String, LevelShares> distributions) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String column : LeadDistributions.SOURCE_COLUMNS) {
            Map<String, Double> levels = new LinkedHashMap<>();
            for (String level : mappings.significantLevels().get(column)) {
                levels.put(level, 0.0);
            }
            levels.put(LeadScoringMappings.OTHERS, 0.0);
            LevelShares shares = distributions.get(column);
            for (int i = 0; i < shares.size(); i++) {
                levels.merge(mappings.mapLevel(column, shares.values().get(i)), shares.share(i), Double::sum);
            }
            out.put(column, levels);
        }
        return out;
    }

    private double[] tierShares(Map<String, LevelShares> distributions) {
        double[] tiers = new double[3];
        LevelShares cities = distributions.get(LeadDataTransforms.CITY);
        for (int i = 0; i < cities.size(); i++) {
            tiers[(int) mappings.tierOf(cities.values().get(i)) - 1] += cities.share(i);
        }
        return tiers;
    }

    private static double[] referredShares(Map<String, LevelShares> distributions) {
        LevelShares referred = distributions.get(LeadDataTransforms.REFERRED);
        double[] out = new double[2];
        for (int i = 0; i < referred.size(); i++) {
            out[referredIndex(referred.values().get(i))] += referred.share(i);
        }
        return out;
    }

    private static double[] leadsShares(Map<String, LevelShares> distributions) {
        LevelShares leads = distributions.get(LeadDataTransforms.LEADS_DROPPED);
        double[] out = new double[6];
        for (int i = 0; i < leads.size(); i++) {
            out[leadsBin(leads.values().get(i))] += leads.share(i);
        }
        return out;
    }

    private static int referredIndex(String value) {
        return value != null && Double.parseDouble(value) == 1.0 ? 1 : 0;
    }

    private static int leadsBin(String value) {
        return value == null ? 0 : (int) Math.min(5, Double.parseDouble(value));
    }

    /** @return the expected share of class 1 of the generated labels, before label noise */
    public double expectedPositiveShare() {
        return labelModel.expectedPositiveShare(tierShares(distributions), referredShares(distributions),
                leadsShares(distributions));
    }

    /**
     * @param column a raw column that can drift
     * @return the distribution rows are drawn from: share per value ({@code null} key for missing values)
     */
    public Map<String, Double> distribution(String column) {
        LevelShares shares = distributions.get(column);
        if (shares == null) {
            throw new IllegalArgumentException("No distribution for column '" + column + "'; columns: "
                    + DRIFTABLE_COLUMNS);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            out.put(shares.values().get(i), shares.share(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the rows and their true probabilities of class 1 */
    public LeadBatch generate() {
        SplittableRandom random = new SplittableRandom(seed);
        long start = startDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() / 1000;
        long end = endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() / 1000;
        TimestampColumn.Builder dates = TimestampColumn.builder(LeadDataTransforms.CREATED_DATE, rows);
        CategoricalColumn.Builder cities = CategoricalColumn.builder(LeadDataTransforms.CITY, rows);
        List<CategoricalColumn.Builder> sources = new ArrayList<>();
        for (String column : LeadDistributions.SOURCE_COLUMNS) {
            sources.add(CategoricalColumn.builder(column, rows));
        }
        NumericColumn.Builder leads = NumericColumn.builder(LeadDataTransforms.LEADS_DROPPED, rows);
        NumericColumn.Builder referred = NumericColumn.builder(LeadDataTransforms.REFERRED, rows);
        List<String> interactionNames = columns.subList(7, 44);
        List<NumericColumn.Builder> interactions = new ArrayList<>();
        interactionNames.forEach(name -> interactions.add(NumericColumn.builder(name, rows)));
        NumericColumn.Builder target = NumericColumn.builder(LeadScoringSchemas.TARGET, rows);
        double[] probabilities = new double[rows];
        LevelShares cityShares = distributions.get(LeadDataTransforms.CITY);
        LevelShares leadsShares = distributions.get(LeadDataTransforms.LEADS_DROPPED);
        LevelShares referredShares = distributions.get(LeadDataTransforms.REFERRED);
        List<LabelModel.SourceColumn> copula = labelModel.sources();
        double s = Math.sqrt(1 - LabelModel.RHO * LabelModel.RHO);
        int[] levels = new int[3];
        for (int row = 0; row < rows; row++) {
            dates.add(java.time.Instant.ofEpochSecond(start + random.nextLong(end - start)));
            String city = cityShares.values().get(cityShares.sample(random.nextDouble()));
            cities.add(city);
            double z = random.nextGaussian();
            for (int f = 0; f < 3; f++) {
                LabelModel.SourceColumn column = copula.get(f);
                levels[f] = column.levelOf(LabelModel.RHO * z + s * random.nextGaussian());
                String level = column.levels().get(levels[f]);
                if (level.equals(LeadScoringMappings.OTHERS)) {
                    LevelShares others = othersShares.get(column.name());
                    level = others.values().get(others.sample(random.nextDouble()));
                }
                sources.get(f).add(level);
            }
            String leadsValue = leadsShares.values().get(leadsShares.sample(random.nextDouble()));
            leads.add(leadsValue == null ? null : Double.valueOf(leadsValue));
            String referredValue = referredShares.values().get(referredShares.sample(random.nextDouble()));
            referred.add(referredValue == null ? null : Double.valueOf(referredValue));
            for (NumericColumn.Builder interaction : interactions) {
                if (random.nextDouble() < INTERACTION_PROBABILITY) {
                    interaction.add(1.0 + Math.min(9, (int) (-Math.log(1 - random.nextDouble()) * 1.5)));
                } else {
                    interaction.addNull();
                }
            }
            double p = labelModel.probability((int) mappings.tierOf(city) - 1, referredIndex(referredValue),
                    leadsBin(leadsValue), levels);
            probabilities[row] = p;
            boolean positive = random.nextDouble() < p;
            if (labelNoise > 0 && random.nextDouble() < labelNoise) {
                positive = !positive;
            }
            target.add(positive ? 1.0 : 0.0);
        }
        Map<String, Column> byName = new LinkedHashMap<>();
        byName.put(LeadDataTransforms.CREATED_DATE, dates.build());
        byName.put(LeadDataTransforms.CITY, cities.build());
        sources.forEach(builder -> {
            CategoricalColumn column = builder.build();
            byName.put(column.name(), column);
        });
        byName.put(LeadDataTransforms.LEADS_DROPPED, leads.build());
        byName.put(LeadDataTransforms.REFERRED, referred.build());
        interactions.forEach(builder -> {
            NumericColumn column = builder.build();
            byName.put(column.name(), column);
        });
        byName.put(LeadScoringSchemas.TARGET, target.build());
        List<Column> ordered = new ArrayList<>();
        for (String name : columns) {
            ordered.add(Objects.requireNonNull(byName.get(name), () -> "no generated column " + name));
        }
        return new LeadBatch(Table.of(ordered), probabilities);
    }

    /**
     * Generates the rows and writes them as CSV, atomically: with a leading unnamed index column (0, 1, ...) as the
     * case study's full file has, when {@link Builder#indexColumn(boolean)} is set.
     *
     * @param file the CSV file to create or replace
     * @return the rows written
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public Table write(Path file) {
        Table table = generate().table();
        if (!indexColumn) {
            CsvWriter.builder().build().write(table, file);
            return table;
        }
        TextColumn.Builder index = TextColumn.builder("index", table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            index.add(Integer.toString(row));
        }
        List<Column> withIndex = new ArrayList<>();
        withIndex.add(index.build());
        withIndex.addAll(table.columns());
        AtomicFiles.write(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            java.io.StringWriter text = new java.io.StringWriter();
            CsvWriter.builder().build().write(Table.of(withIndex), text);
            String csv = text.toString();
            writer.write(csv.substring("index".length())); // pandas leaves the index column's name empty
            writer.flush();
        });
        return table;
    }

    /** Options for a {@link LeadGenerator}; not thread-safe. */
    public static final class Builder {
        private long seed;
        private int rows = 10_000;
        private LocalDate startDate = LocalDate.of(2021, 7, 1);
        private LocalDate endDate = LocalDate.of(2022, 2, 14);
        private final List<LeadDrift> drifts = new ArrayList<>();
        private double labelNoise;
        private Double labelShare;
        private boolean withTarget = true;
        private boolean indexColumn;
        private LeadScoringMappings mappings;
        private LeadScoringSchemas schemas;

        private Builder() {
        }

        /**
         * @param value the random seed; the same options and seed give the same rows
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param count how many rows, at least 0
         * @return this builder
         */
        public Builder rows(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("rows must not be negative, was " + count);
            }
            this.rows = count;
            return this;
        }

        /**
         * @param date the first day of {@code created_date} (UTC); default 2021-07-01
         * @return this builder
         */
        public Builder startDate(LocalDate date) {
            this.startDate = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * @param date the last day of {@code created_date} (UTC), inclusive; default 2022-02-14
         * @return this builder
         */
        public Builder endDate(LocalDate date) {
            this.endDate = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * @param changes drifts applied in order to the base distributions
         * @return this builder
         */
        public Builder drift(LeadDrift... changes) {
            return drift(List.of(changes));
        }

        /**
         * @param changes drifts applied in order to the base distributions
         * @return this builder
         */
        public Builder drift(List<LeadDrift> changes) {
            changes.forEach(change -> drifts.add(Objects.requireNonNull(change, "change")));
            return this;
        }

        /**
         * The case study's inference drift ({@link LeadDrift#caseStudyInferenceDrift()}) with the label share kept
         * at 50.2 %.
         *
         * @return this builder
         */
        public Builder caseStudyInferenceDrift() {
            return drift(LeadDrift.caseStudyInferenceDrift()).labelShare(0.502);
        }

        /**
         * @param probability the chance that a label is flipped after it is drawn, in [0, 0.5]; default 0
         * @return this builder
         */
        public Builder labelNoise(double probability) {
            if (!(probability >= 0 && probability <= 0.5)) {
                throw new IllegalArgumentException("The label noise must be in [0, 0.5], was " + probability);
            }
            this.labelNoise = probability;
            return this;
        }

        /**
         * Fixes the expected share of class 1 under the (drifted) distribution: the label model's intercept is solved
         * for it. Without it, drift leaves the label model as it is and the share of class 1 follows the features.
         *
         * @param share the share of class 1, in (0, 1)
         * @return this builder
         */
        public Builder labelShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("labelShare must be in (0, 1), was " + share);
            }
            this.labelShare = share;
            return this;
        }

        /**
         * @param include whether the target column is generated (false: inference data, 44 columns); default true
         * @return this builder
         */
        public Builder withTarget(boolean include) {
            this.withTarget = include;
            return this;
        }

        /**
         * @param include whether {@link #write} adds a leading unnamed index column, as the case study's full file
         *                has; default false
         * @return this builder
         */
        public Builder indexColumn(boolean include) {
            this.indexColumn = include;
            return this;
        }

        /**
         * @param caseStudyMappings the mappings the generator follows; default the bundled ones
         * @return this builder
         */
        public Builder mappings(LeadScoringMappings caseStudyMappings) {
            this.mappings = Objects.requireNonNull(caseStudyMappings, "caseStudyMappings");
            return this;
        }

        /**
         * @param caseStudySchemas the column order; default the bundled schemas
         * @return this builder
         */
        public Builder schemas(LeadScoringSchemas caseStudySchemas) {
            this.schemas = Objects.requireNonNull(caseStudySchemas, "caseStudySchemas");
            return this;
        }

        /**
         * @return the generator
         * @throws IllegalArgumentException when the end date is before the start date
         * @throws ConfigurationException   when a drift names a column that cannot drift or a value it lacks
         */
        public LeadGenerator build() {
            if (endDate.isBefore(startDate)) {
                throw new IllegalArgumentException("The end date " + endDate + " is before the start date "
                        + startDate);
            }
            return new LeadGenerator(this);
        }
    }
}
