package org.mlops4j.core.monitor;

import java.util.Locale;
import org.mlops4j.core.data.ColumnType;

/**
 * How a drift test treats a column, said with the one column-kind type, {@link ColumnType}: as numbers
 * ({@link ColumnType#NUMERIC}: tests compare distributions on the real line) or as categories
 * ({@link ColumnType#CATEGORICAL}: tests compare the frequencies of distinct values). It is derived from the column's
 * own type, as Evidently types a feature by its data type: a numeric column is treated as numbers however few distinct
 * values it holds (their number only chooses the default test); categorical, text and boolean columns as categories.
 * Users set it per column to treat integer codes as categories (mlops-drift's {@code DataDrift.Builder.columnType},
 * {@code mlops drift --column-type}).
 *
 * <p>Drift reports and recorded decisions write the treatment as {@code column_type} with Evidently's keys,
 * {@code "num"} and {@code "cat"}: {@link #key(ColumnType)} writes them and {@link #fromKey(String)} reads them.
 */
public final class DriftTreatment {

    private DriftTreatment() {
    }

    /**
     * @param type a column type
     * @return whether a drift test can treat a column as this type: numeric or categorical
     */
    public static boolean isTreatment(ColumnType type) {
        return type == ColumnType.NUMERIC || type == ColumnType.CATEGORICAL;
    }

    /**
     * @param type   how a column is to be treated
     * @param column the column's name, for the message
     * @return the type
     * @throws IllegalArgumentException when it is neither numeric nor categorical
     */
    public static ColumnType require(ColumnType type, String column) {
        if (!isTreatment(type)) {
            throw new IllegalArgumentException("A drift test treats column '" + column + "' as numeric (num) or "
                    + "categorical (cat), not " + (type == null ? "null" : type.key())
                    + "; treat a boolean or text column as categorical, and leave timestamps out");
        }
        return type;
    }

    /**
     * @param type how a column is treated: numeric or categorical
     * @return Evidently's key: {@code "num"} or {@code "cat"}
     * @throws IllegalArgumentException when the type is neither numeric nor categorical
     */
    public static String key(ColumnType type) {
        if (!isTreatment(type)) {
            throw new IllegalArgumentException("Only the numeric and categorical treatments have a drift key, not "
                    + (type == null ? "null" : type.key()));
        }
        return type == ColumnType.NUMERIC ? "num" : "cat";
    }

    /**
     * @param key {@code num} or {@code cat} (also {@code numerical}, {@code numeric}, {@code categorical}), any case
     * @return {@link ColumnType#NUMERIC} or {@link ColumnType#CATEGORICAL}
     * @throws IllegalArgumentException naming the accepted keys for anything else
     */
    public static ColumnType fromKey(String key) {
        return switch (key.trim().toLowerCase(Locale.ROOT)) {
            case "num", "numerical", "numeric" -> ColumnType.NUMERIC;
            case "cat", "categorical" -> ColumnType.CATEGORICAL;
            default -> throw new IllegalArgumentException("Unknown drift column type '" + key
                    + "'; expected num or cat");
        };
    }
}
