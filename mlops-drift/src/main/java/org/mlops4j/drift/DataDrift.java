package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.drift.internal.PreparedColumn;
import org.mlops4j.drift.internal.Testability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data drift between a reference table and a current table, column by column, as Evidently's data-drift preset
 * computes it, plus optional multiple-testing control.
 *
 * <pre>{@code
 * DriftReport report = DataDrift.builder()
 *         .stattestForType(ColumnType.NUMERIC, "psi")
 *         .thresholdForColumn("age", 0.2)
 *         .multipleTesting(MultipleTesting.BENJAMINI_HOCHBERG)
 *         .build()
 *         .run(reference, current);
 * Files.writeString(Path.of("drift.html"), report.toHtml());
 * }</pre>
 *
 * <p>Per column: missing, NaN and infinite values are dropped (and counted); the column type is inferred as Evidently
 * types a feature by its data type (numbers are {@code num} however few distinct values they hold; everything else
 * {@code cat}) unless set with {@link Builder#columnType(String, ColumnType)};
 * the test is the one configured for the column, else for its type, else for all columns, else Evidently's default
 * choice; the threshold likewise, else the test's default. Timestamp columns are skipped unless named. A column
 * that is empty in a window (after dropping) or holds one and the same value in both windows is not tested: the report
 * lists it with the reason ({@link DriftReport#untestedColumns()}). The dataset drifts when the share of drifted
 * columns among the tested ones is at least {@code driftShare} (default 0.5).
 *
 * <p>Instances are immutable and thread-safe; {@link #run(Table, Table)} may be called concurrently.
 */
public final class DataDrift {

    private static final Logger LOG = LoggerFactory.getLogger(DataDrift.class);

    private final ProviderSet<DriftDetectorProvider> providers;
    private final MlopsConfig config;
    private final List<String> columns;
    private final Map<String, ColumnType> columnTypes;
    private final String stattest;
    private final Map<ColumnType, String> stattestByType;
    private final Map<String, String> stattestByColumn;
    private final Double threshold;
    private final Map<ColumnType, Double> thresholdByType;
    private final Map<String, Double> thresholdByColumn;
    private final double driftShare;
    private final MultipleTesting multipleTesting;
    private final long seed;
    private final boolean parallel;

    private DataDrift(Builder b) {
        Mlops mlops = b.mlops != null ? b.mlops : Mlops.shared();
        this.providers = mlops.providers(DriftDetectorProvider.class);
        this.config = mlops.config();
        this.columns = List.copyOf(b.columns);
        this.columnTypes = Map.copyOf(b.columnTypes);
        this.stattest = b.stattest;
        this.stattestByType = Map.copyOf(b.stattestByType);
        this.stattestByColumn = Map.copyOf(b.stattestByColumn);
        this.threshold = b.threshold;
        this.thresholdByType = Map.copyOf(b.thresholdByType);
        this.thresholdByColumn = Map.copyOf(b.thresholdByColumn);
        this.driftShare = b.driftShare;
        this.multipleTesting = b.multipleTesting;
        this.seed = b.seed;
        this.parallel = b.parallel;
        for (String name : configuredTestNames()) {
            providers.get(name); // fail fast, listing the available tests
        }
    }

    /** @return a builder with Evidently's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares the current table with the reference table. A table with no rows is refused with a
     * {@link DataException} that says so ({@link Table#requireRows}), rather than reported as untested columns.
     *
     * @param reference the reference data (typically the training data)
     * @param current   the current data (typically a serving window)
     * @return the report
     * @throws DataException          when a column is missing from the current table or has another type there, or
     *                                a test's condition is not met
     * @throws ConfigurationException when a configured test does not accept the column's type
     */
    public DriftReport run(Table reference, Table current) {
        reference.requireRows("The reference table of the drift report");
        current.requireRows("The current table of the drift report");
        List<String> names = columns.isEmpty() ? defaultColumns(reference) : columns;
        Object[] outcomes = new Object[names.size()];
        IntStream indexes = IntStream.range(0, names.size());
        if (parallel && names.size() > 1) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> {
            try {
                outcomes[i] = testColumn(names.get(i), reference, current);
            } catch (RuntimeException e) {
                outcomes[i] = e;
            }
        });
        List<Pending> pending = new ArrayList<>(names.size());
        List<UntestedColumn> untested = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof RuntimeException e) {
                throw e; // the first failing column in column order, whatever thread tested it
            }
            if (outcome instanceof UntestedColumn u) {
                LOG.debug("Column '{}' not tested: {}", u.column(), u.reason());
                untested.add(u);
            } else {
                pending.add((Pending) outcome);
            }
        }
        double[] pValues = pending.stream()
                .mapToDouble(p -> p.detector.scoreKind() == ScoreKind.P_VALUE ? p.score : Double.NaN).toArray();
        double[] adjusted = multipleTesting.adjust(pValues);
        List<ColumnDrift> results = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            boolean corrected = multipleTesting != MultipleTesting.NONE && !Double.isNaN(pValues[i]);
            double decisive = corrected ? adjusted[i] : p.score;
            boolean isDrift = p.detector.rule().drifted(decisive, p.threshold);
            PreparedColumn pc = p.prepared;
            results.add(new ColumnDrift(p.name, p.type, p.detector.name(), p.detector.scoreKind(), p.score,
                    corrected ? adjusted[i] : Double.NaN, p.threshold, p.detector.rule(), isDrift,
                    pc.samples().referenceSize(), pc.samples().currentSize(), pc.referenceDropped(),
                    pc.currentDropped(), p.distribution));
        }
        return DriftReport.of(driftShare, multipleTesting, reference.rowCount(), current.rowCount(), results,
                untested);
    }

    /** @return the column's {@link Pending} test, or an {@link UntestedColumn} when it cannot be tested */
    private Object testColumn(String name, Table reference, Table current) {
        Column ref = reference.column(name);
        Column cur = current.findColumn(name).orElseThrow(() -> new DataException("The current table has no "
                + "column '" + name + "'; its columns are " + current.columnNames(), null, 0, name, null));
        if (ref.type() == cur.type() && !(ref instanceof TimestampColumn)) {
            Optional<String> empty = Testability.emptyWindow(ref, cur);
            if (empty.isPresent()) {
                return new UntestedColumn(name, empty.get());
            }
        }
        PreparedColumn prepared = columnTypes.containsKey(name)
                ? PreparedColumn.of(ref, cur, columnTypes.get(name), seed) : PreparedColumn.inferred(ref, cur, seed);
        Optional<String> constant = Testability.constant(prepared.samples());
        if (constant.isPresent()) {
            return new UntestedColumn(name, constant.get());
        }
        ColumnType type = prepared.samples().columnType();
        String testName = testFor(name, type, prepared);
        DriftDetector detector = providers.get(testName).create(config);
        boolean configured = stattestByColumn.containsKey(name) || stattestByType.containsKey(type)
                || stattest != null;
        if (configured && !detector.columnTypes().contains(type)) {
            List<String> accepted = detector.columnTypes().stream().map(DriftTreatment::key).sorted().toList();
            throw new ConfigurationException("Test '" + testName + "' accepts " + accepted + " columns but column '"
                    + name + "' is " + DriftTreatment.key(type) + "; configure another test for it or set its column"
                    + " type");
        }
        double score = detector.score(prepared.samples());
        double thr = thresholdFor(name, type, detector);
        LOG.debug("Column '{}' ({}): {} = {} against {}", name, DriftTreatment.key(type), testName, score, thr);
        return new Pending(name, type, detector, prepared, score, thr, ColumnDistributions.of(prepared.samples()));
    }

    private record Pending(String name, ColumnType type, DriftDetector detector, PreparedColumn prepared,
                           double score, double threshold, ColumnDistribution distribution) {
    }

    private static List<String> defaultColumns(Table reference) {
        return reference.columns().stream().filter(c -> !(c instanceof TimestampColumn)).map(Column::name).toList();
    }

    private String testFor(String column, ColumnType type, PreparedColumn prepared) {
        if (stattestByColumn.containsKey(column)) {
            return stattestByColumn.get(column);
        }
        if (stattestByType.containsKey(type)) {
            return stattestByType.get(type);
        }
        return stattest != null ? stattest : defaultTest(type, prepared);
    }

    private static String defaultTest(ColumnType type, PreparedColumn prepared) {
        return DefaultStatTest.choose(type, prepared.samples().distinctCount(), prepared.samples().referenceSize());
    }

    private double thresholdFor(String column, ColumnType type, DriftDetector detector) {
        if (thresholdByColumn.containsKey(column)) {
            return thresholdByColumn.get(column);
        }
        if (thresholdByType.containsKey(type)) {
            return thresholdByType.get(type);
        }
        return threshold != null ? threshold : detector.defaultThreshold();
    }

    private List<String> configuredTestNames() {
        List<String> names = new ArrayList<>(stattestByColumn.values());
        names.addAll(stattestByType.values());
        if (stattest != null) {
            names.add(stattest);
        }
        return names;
    }

    /** Collects the options of a {@link DataDrift}; not thread-safe. */
    public static final class Builder {
        private Mlops mlops;
        private final List<String> columns = new ArrayList<>();
        private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
        private String stattest;
        private final Map<ColumnType, String> stattestByType = new EnumMap<>(ColumnType.class);
        private final Map<String, String> stattestByColumn = new LinkedHashMap<>();
        private Double threshold;
        private final Map<ColumnType, Double> thresholdByType = new EnumMap<>(ColumnType.class);
        private final Map<String, Double> thresholdByColumn = new LinkedHashMap<>();
        private double driftShare = 0.5;
        private MultipleTesting multipleTesting = MultipleTesting.NONE;
        private long seed;
        private boolean parallel = true;

        private Builder() {
        }

        /**
         * @param mlops where the drift tests (providers) and their configuration come from; by default
         *              {@link Mlops#shared()}, which discovers them on the class path once per class loader
         * @return this builder
         */
        public Builder mlops(Mlops mlops) {
            this.mlops = Objects.requireNonNull(mlops, "mlops");
            return this;
        }

        /**
         * @param names the columns to test, in order; by default every column of the reference table except
         *              timestamps
         * @return this builder
         */
        public Builder columns(String... names) {
            columns.clear();
            columns.addAll(List.of(names));
            return this;
        }

        /**
         * @param column a column's name
         * @param type   how to treat it, instead of inferring it: {@link ColumnType#CATEGORICAL} for integer codes
         *               (numbers are otherwise numeric however few distinct values they hold), or
         *               {@link ColumnType#NUMERIC}; the CLI's {@code --column-type column=num|cat}
         * @return this builder
         */
        public Builder columnType(String column, ColumnType type) {
            columnTypes.put(Objects.requireNonNull(column, "column"), DriftTreatment.require(type, column));
            return this;
        }

        /**
         * @param name the test for every column without a more specific choice, such as {@code psi}
         * @return this builder
         */
        public Builder stattest(String name) {
            this.stattest = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param type a column type
         * @param name the test for columns of that type without a column-specific choice
         * @return this builder
         */
        public Builder stattestForType(ColumnType type, String name) {
            stattestByType.put(DriftTreatment.require(type, "of type " + type), Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * @param column a column's name
         * @param name   the test for that column
         * @return this builder
         */
        public Builder stattestForColumn(String column, String name) {
            stattestByColumn.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * @param value the threshold for every column without a more specific one (instead of each test's default)
         * @return this builder
         */
        public Builder threshold(double value) {
            this.threshold = checkThreshold(value);
            return this;
        }

        /**
         * @param type  a column type
         * @param value the threshold for columns of that type without a column-specific one
         * @return this builder
         */
        public Builder thresholdForType(ColumnType type, double value) {
            thresholdByType.put(DriftTreatment.require(type, "of type " + type), checkThreshold(value));
            return this;
        }

        /**
         * @param column a column's name
         * @param value  the threshold for that column
         * @return this builder
         */
        public Builder thresholdForColumn(String column, double value) {
            thresholdByColumn.put(Objects.requireNonNull(column, "column"), checkThreshold(value));
            return this;
        }

        /**
         * @param share the share of drifted columns from which the dataset counts as drifted, in (0, 1]; default 0.5
         * @return this builder
         */
        public Builder driftShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("The drift share must be in (0, 1], got " + share);
            }
            this.driftShare = share;
            return this;
        }

        /**
         * @param correction the correction of p-values across columns; default {@link MultipleTesting#NONE}
         * @return this builder
         */
        public Builder multipleTesting(MultipleTesting correction) {
            this.multipleTesting = Objects.requireNonNull(correction, "correction");
            return this;
        }

        /**
         * @param seed the seed of permutation tests ({@code tvd}, {@code empirical_mmd}); default 0, as Evidently
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param enabled whether columns are tested in parallel on the common fork-join pool (bounded by the number
         *                of processors); default on. Results do not depend on it.
         * @return this builder
         */
        public Builder parallel(boolean enabled) {
            this.parallel = enabled;
            return this;
        }

        /**
         * @return the configured comparison
         * @throws ConfigurationException naming the available tests when a configured test does not exist
         */
        public DataDrift build() {
            return new DataDrift(this);
        }

        private static double checkThreshold(double value) {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("A threshold must be a finite number >= 0, got " + value);
            }
            return value;
        }
    }
}
