package org.mlops4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.PrintableValue;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.spi.support.Json;

/**
 * The preprocessing a model was trained with, learned from the training rows only and stored with the model, so
 * that serving encodes rows exactly as training did.
 *
 * <p>Numeric columns are imputed (median or mean) and, when a model family asks for it, scaled; boolean columns
 * become 0/1 (missing: the most frequent value); categorical and text columns are one-hot encoded as features named
 * {@code column=level}, with missing values imputed (most frequent level, or a {@link #MISSING_LEVEL} of their own)
 * and, optionally, rare levels grouped into {@link #OTHER_LEVEL}. A level first seen at prediction time maps to
 * {@link #OTHER_LEVEL} when grouping is on, and otherwise contributes no feature. Only the active level of each row is
 * emitted, so encoded rows are sparse. Serving counts every missing value and unseen level per column, and can refuse
 * them per row instead of imputing them ({@link #encode(Table, Scaling, PredictOptions)}). Instances are immutable and
 * thread-safe.
 */
public final class FeatureEncoder {

    /** The level that stands for missing categories under {@code MISSING_LEVEL} imputation. */
    public static final String MISSING_LEVEL = "__missing__";
    /** The level that rare and unseen categories are grouped into. */
    public static final String OTHER_LEVEL = "__other__";

    /** Markers in a row's level index before imputation, and the two counters' places. */
    private static final int MISSING_VALUE = -3;
    private static final int UNSEEN_LEVEL = -2;
    private static final int MISSING = 0;
    private static final int UNSEEN = 1;

    /**
     * What was learned about one input column.
     *
     * @param column     the input column's name
     * @param kind       how it is encoded, by the column type it is taken as: {@link ColumnType#NUMERIC} (imputed,
     *                   optionally scaled; one feature named after the column), {@link ColumnType#BOOLEAN} (1 or 0,
     *                   imputed with the most frequent value; one feature) or {@link ColumnType#CATEGORICAL} (one-hot,
     *                   one feature {@code column=level} per kept level; text columns too)
     * @param fillValue  the value a missing number or boolean gets (numeric and boolean columns)
     * @param mean       training mean after imputation (numeric columns)
     * @param std        training population standard deviation after imputation (numeric columns)
     * @param min        training minimum after imputation (numeric columns)
     * @param max        training maximum after imputation (numeric columns)
     * @param levels     the levels that become features, in feature order (categorical columns)
     * @param fillLevel  the level a missing category gets (categorical columns; empty otherwise)
     * @param groupsRare whether rare and unseen levels map to {@link #OTHER_LEVEL}
     */
    public record ColumnEncoding(String column, ColumnType kind, double fillValue, double mean, double std, double min,
            double max, List<String> levels, String fillLevel, boolean groupsRare) {

        /**
         * Checks the kind and copies the levels.
         *
         * @throws IllegalArgumentException when the kind is not numeric, boolean or categorical
         */
        public ColumnEncoding {
            if (kind != ColumnType.NUMERIC && kind != ColumnType.BOOLEAN && kind != ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("Column '" + column + "' is encoded as numeric, boolean or "
                        + "categorical, not " + kind);
            }
            levels = List.copyOf(levels);
        }
    }

    private final List<ColumnEncoding> columns;
    private final List<String> featureNames;
    private final List<String[]> levelFeatureNames;
    private final List<Map<String, Integer>> levelIndex;
    /** The input columns with the types their encodings take, checked before encoding. */
    private final Schema inputs;

    FeatureEncoder(List<ColumnEncoding> columns) {
        this.columns = List.copyOf(columns);
        Schema.Builder schema = Schema.builder();
        this.columns.forEach(c -> schema.column(c.column(), c.kind()));
        this.inputs = this.columns.isEmpty() ? null : schema.build();
        List<String> names = new ArrayList<>();
        List<String[]> perLevel = new ArrayList<>();
        List<Map<String, Integer>> index = new ArrayList<>();
        for (ColumnEncoding c : this.columns) {
            if (c.kind() == ColumnType.CATEGORICAL) {
                String[] levelNames = new String[c.levels().size()];
                Map<String, Integer> byLevel = new HashMap<>();
                for (int i = 0; i < levelNames.length; i++) {
                    levelNames[i] = (c.column() + "=" + c.levels().get(i)).intern();
                    byLevel.put(c.levels().get(i), i);
                    names.add(levelNames[i]);
                }
                perLevel.add(levelNames);
                index.add(byLevel);
            } else {
                names.add(c.column());
                perLevel.add(new String[] {c.column().intern()});
                index.add(Map.of());
            }
        }
        this.featureNames = List.copyOf(names);
        this.levelFeatureNames = perLevel;
        this.levelIndex = index;
    }

    /**
     * Learns the encoding from training rows.
     *
     * @param training the training rows
     * @param features the columns to encode, in order; numeric, boolean, categorical or text
     * @param options  imputation, grouping and weighting choices
     * @return the fitted encoder
     * @throws DataException when a column is missing or has a type that cannot be encoded (timestamps)
     */
    public static FeatureEncoder fit(Table training, List<String> features, PreprocessingOptions options) {
        List<ColumnEncoding> encodings = new ArrayList<>();
        for (String name : features) {
            Column column = training.findColumn(name).orElseThrow(() -> new DataException(
                    "Feature column is missing from the training table (columns are " + training.columnNames() + ")",
                    null, 0, name, null));
            if (column instanceof NumericColumn numeric) {
                encodings.add(fitNumeric(numeric, options));
            } else if (column instanceof BooleanColumn bool) {
                encodings.add(fitBoolean(bool));
            } else if (column instanceof CategoricalColumn categorical) {
                encodings.add(fitCategorical(name, levelsOf(categorical), options));
            } else if (column instanceof TextColumn text) {
                encodings.add(fitCategorical(name, valuesOf(text), options));
            } else {
                throw new DataException("Cannot encode a " + column.type()
                        + " column as a model feature; derive numbers from it or drop it", null, 0, name, null);
            }
        }
        return new FeatureEncoder(encodings);
    }

    private static ColumnEncoding fitNumeric(NumericColumn column, PreprocessingOptions options) {
        double[] present = column.nonNullValues().filter(v -> !Double.isNaN(v)).sorted().toArray();
        double fill = 0.0;
        if (present.length > 0) {
            if (options.numericImputation() == PreprocessingOptions.NumericImputation.MEDIAN) {
                int mid = present.length / 2;
                fill = present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2.0;
            } else {
                fill = Arrays.stream(present).sum() / present.length;
            }
        }
        int n = column.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] imputed = new double[n];
        for (int i = 0; i < n; i++) {
            double v = column.getDouble(i);
            imputed[i] = Double.isNaN(v) ? fill : v;
            sum += imputed[i];
            min = Math.min(min, imputed[i]);
            max = Math.max(max, imputed[i]);
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (double v : imputed) {
            squares += (v - mean) * (v - mean);
        }
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        return new ColumnEncoding(column.name(), ColumnType.NUMERIC, fill, mean, std, n == 0 ? 0 : min,
                n == 0 ? 0 : max,
                List.of(), "", false);
    }

    private static ColumnEncoding fitBoolean(BooleanColumn column) {
        int present = column.size() - column.nullCount();
        double fill = column.trueCount() * 2 > present ? 1.0 : 0.0;
        return new ColumnEncoding(column.name(), ColumnType.BOOLEAN, fill, 0, 0, 0, 1, List.of(), "", false);
    }

    private static ColumnEncoding fitCategorical(String name, List<String> values, PreprocessingOptions options) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int missing = 0;
        for (String value : values) {
            if (value == null) {
                missing++;
            } else {
                counts.merge(value, 1, Integer::sum);
            }
        }
        String mostFrequent = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
                        : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey).findFirst().orElse(MISSING_LEVEL);
        boolean grouping = options.rareLevelThreshold() > 0;
        double minimum = options.rareLevelThreshold() * values.size();
        List<String> kept = new ArrayList<>();
        boolean anyRare = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (grouping && e.getValue() < minimum) {
                anyRare = true;
            } else {
                kept.add(e.getKey());
            }
        }
        kept.sort(null);
        String fillLevel = mostFrequent;
        if (options.categoricalImputation() == PreprocessingOptions.CategoricalImputation.MISSING_LEVEL
                || counts.isEmpty()) {
            fillLevel = MISSING_LEVEL;
            if (missing > 0 || counts.isEmpty()) {
                kept.add(MISSING_LEVEL);
            }
        } else if (grouping && !kept.contains(fillLevel)) {
            fillLevel = OTHER_LEVEL;
        }
        if (grouping && (anyRare || OTHER_LEVEL.equals(fillLevel))) {
            kept.add(OTHER_LEVEL);
        }
        return new ColumnEncoding(name, ColumnType.CATEGORICAL, 0, 0, 0, 0, 0, kept, fillLevel, grouping);
    }

    private static List<String> levelsOf(CategoricalColumn column) {
        List<String> out = new ArrayList<>(column.size());
        for (int i = 0; i < column.size(); i++) {
            out.add(column.getString(i));
        }
        return out;
    }

    private static List<String> valuesOf(TextColumn column) {
        List<String> out = new ArrayList<>(column.size());
        for (int i = 0; i < column.size(); i++) {
            out.add(column.getString(i));
        }
        return out;
    }

    /** @return what was learned per input column, in input order */
    public List<ColumnEncoding> columns() {
        return columns;
    }

    /** @return the input columns' names, in order */
    public List<String> inputColumns() {
        return columns.stream().map(ColumnEncoding::column).toList();
    }

    /** @return every feature the encoder can emit, in order */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * Encodes every row of a table, imputing missing values and unseen levels by the rule of this class; as
     * {@link #encode(Table, Scaling, PredictOptions)} with {@link PredictOptions#defaults()}.
     *
     * @param table   rows with (at least) the input columns
     * @param scaling how numeric columns are scaled
     * @return the encoded rows, with a per-row error where a row could not be encoded, and the imputation counts
     * @throws DataException naming the column when a known column is missing or has a type that does not match
     */
    public EncodedRows encode(Table table, Scaling scaling) {
        return encode(table, scaling, PredictOptions.defaults());
    }

    /**
     * Encodes every row of a table. Columns the encoder does not know are ignored. A known column that is missing, or
     * whose type does not match the one the model was trained on, fails the whole call, by the check of
     * {@link Schema#requireColumns}: a numeric feature takes only a numeric column (a boolean column is not taken as
     * 1/0), a boolean feature only a boolean column, a categorical feature a categorical or a text column; a column
     * that holds only nulls says nothing of its type and is taken as all missing. A bad value (an infinite number)
     * fails only its row.
     *
     * <p>Each missing value (null, or NaN in a numeric column) and each categorical level outside the model's levels
     * is counted per column ({@link EncodedRows#imputation()}). By default it is then imputed: a number or boolean
     * gets the column's {@link ColumnEncoding#fillValue()}, a category its {@link ColumnEncoding#fillLevel()}, and an
     * unseen level becomes {@link #OTHER_LEVEL} when rare levels are grouped and no feature otherwise. Under
     * {@link PredictOptions#strict()} it fails its row instead, with an error naming the row and the column.
     *
     * @param table   rows with (at least) the input columns
     * @param scaling how numeric columns are scaled
     * @param options whether missing values and unseen levels are imputed or fail their rows
     * @return the encoded rows, with a per-row error where a row could not be encoded, and the imputation counts
     * @throws DataException naming the column when a known column is missing or has a type that does not match,
     *                       with the expected and the found type
     */
    public EncodedRows encode(Table table, Scaling scaling, PredictOptions options) {
        int n = table.rowCount();
        int width = columns.size();
        double[][] numeric = new double[width][];
        int[][] categoryFeature = new int[width][];
        String[] errors = new String[n];
        List<ColumnImputation> imputation = new ArrayList<>(width);
        if (inputs != null) {
            inputs.requireColumns(table, "The model", null);
        }
        for (int c = 0; c < width; c++) {
            ColumnEncoding enc = columns.get(c);
            Column column = table.column(enc.column());
            int[] counts = new int[2];
            if (enc.kind() == ColumnType.CATEGORICAL) {
                categoryFeature[c] = categoryFeatures(c, enc, column, options.strictInputs(), errors, counts);
            } else {
                numeric[c] = numericValues(enc, column, scaling, options.strictInputs(), errors, counts);
            }
            imputation.add(new ColumnImputation(enc.column(), counts[MISSING], counts[UNSEEN]));
        }
        String[][] names = new String[n][];
        double[][] values = new double[n][];
        String[] nameBuffer = new String[width];
        double[] valueBuffer = new double[width];
        for (int row = 0; row < n; row++) {
            if (errors[row] != null) {
                continue;
            }
            int size = 0;
            for (int c = 0; c < width; c++) {
                if (categoryFeature[c] != null) {
                    int level = categoryFeature[c][row];
                    if (level >= 0) {
                        nameBuffer[size] = levelFeatureNames.get(c)[level];
                        valueBuffer[size++] = 1.0;
                    }
                } else {
                    nameBuffer[size] = levelFeatureNames.get(c)[0];
                    valueBuffer[size++] = numeric[c][row];
                }
            }
            names[row] = Arrays.copyOf(nameBuffer, size);
            values[row] = Arrays.copyOf(valueBuffer, size);
        }
        return new EncodedRows(names, values, errors, imputation);
    }

    /** Adds a row's error to those it has. */
    private static void failRow(String[] errors, int row, String error) {
        errors[row] = errors[row] == null ? error : errors[row] + "; " + error;
    }

    private double[] numericValues(ColumnEncoding enc, Column column, Scaling scaling, boolean strict,
            String[] errors, int[] counts) {
        int n = column.size();
        double[] out = new double[n];
        boolean scaled = enc.kind() == ColumnType.NUMERIC;
        double center = 0;
        double divisor = 1;
        boolean clip = false;
        if (scaled && scaling == Scaling.STANDARD) {
            center = enc.mean();
            divisor = enc.std() > 0 ? enc.std() : 1;
        } else if (scaled && scaling == Scaling.MIN_MAX) {
            center = enc.min();
            divisor = enc.max() > enc.min() ? enc.max() - enc.min() : 1;
            clip = true;
        }
        for (int i = 0; i < n; i++) {
            double v;
            if (column.isNull(i) || column instanceof NumericColumn num && Double.isNaN(num.getDouble(i))) {
                counts[MISSING]++;
                if (strict) {
                    failRow(errors, i, "Row " + (i + 1) + ": column '" + enc.column() + "' has no value, and "
                            + "strict mode does not impute it (the rule would fill " + enc.fillValue() + ")");
                    continue;
                }
                v = enc.fillValue();
            } else if (column instanceof NumericColumn num) {
                v = num.getDouble(i);
                if (Double.isInfinite(v)) {
                    failRow(errors, i, "Column '" + enc.column() + "' holds " + v + "; expected a finite number");
                    continue;
                }
            } else {
                v = ((BooleanColumn) column).getBoolean(i) ? 1.0 : 0.0;
            }
            double x = (v - center) / divisor;
            out[i] = clip ? Math.min(1.0, Math.max(0.0, x)) : x;
        }
        return out;
    }

    private int[] categoryFeatures(int c, ColumnEncoding enc, Column column, boolean strict, String[] errors,
            int[] counts) {
        Map<String, Integer> index = levelIndex.get(c);
        int n = column.size();
        int[] out = new int[n];
        if (column instanceof CategoricalColumn cat) {
            List<String> levels = cat.levels();
            int[] byCode = new int[levels.size()];
            for (int l = 0; l < byCode.length; l++) {
                byCode[l] = index.getOrDefault(levels.get(l), UNSEEN_LEVEL);
            }
            for (int i = 0; i < n; i++) {
                int code = cat.code(i);
                out[i] = code < 0 ? MISSING_VALUE : byCode[code];
            }
        } else if (column instanceof TextColumn text) {
            for (int i = 0; i < n; i++) {
                String value = text.getString(i);
                out[i] = value == null ? MISSING_VALUE : index.getOrDefault(value, UNSEEN_LEVEL);
            }
        } else {
            Arrays.fill(out, MISSING_VALUE); // a column of nulls only, of another type
        }
        int fill = index.getOrDefault(enc.fillLevel(), -1);
        int other = enc.groupsRare() ? index.getOrDefault(OTHER_LEVEL, -1) : -1;
        for (int i = 0; i < n; i++) {
            if (out[i] == MISSING_VALUE) {
                counts[MISSING]++;
                out[i] = fill;
                if (strict) {
                    failRow(errors, i, "Row " + (i + 1) + ": column '" + enc.column() + "' has no value, and "
                            + "strict mode does not impute it (the rule would fill level '" + enc.fillLevel() + "')");
                }
            } else if (out[i] == UNSEEN_LEVEL) {
                counts[UNSEEN]++;
                out[i] = other;
                if (strict) {
                    failRow(errors, i, "Row " + (i + 1) + ": column '" + enc.column() + "' holds level "
                            + PrintableValue.quoted((String) column.get(i)) + ", which the model does not know, and "
                            + (other >= 0 ? "strict mode does not map it to '" + OTHER_LEVEL + "'"
                                    : "strict mode does not leave it without a feature"));
                }
            }
        }
        return out;
    }

    /**
     * @return the encoder's state as JSON (its {@link ColumnEncoding}s through the shared {@link Json} mapper; a
     *         number that is not finite as {@code null}), read back by {@link #fromJson(String)}
     */
    public String toJson() {
        return Json.writePretty(columns);
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the same encoder
     * @throws org.mlops4j.core.DataException when the JSON is not an encoder's, naming the key
     */
    public static FeatureEncoder fromJson(String json) {
        return new FeatureEncoder(Arrays.asList(Json.read(json, ColumnEncoding[].class, "feature encoder JSON")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureEncoder other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureEncoder[" + columns.size() + " columns -> " + featureNames.size() + " features]";
    }
}
