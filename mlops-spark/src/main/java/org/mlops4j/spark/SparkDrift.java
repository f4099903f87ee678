package org.mlops4j.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.profile.ProfileDrift;

/**
 * Data drift between two Spark {@code Dataset<Row>}s, as {@link DataDrift} computes it between two tables: the same
 * default test choice, thresholds, multiple-testing control and JSON. Categorical and boolean columns are tested from
 * exact counts (counted per partition on the executors, all such columns in one job; the driver holds one code
 * per row); numeric and timestamp columns
 * are collected to the driver (streamed partition by partition, 8 bytes per value), so every test is the exact
 * single-JVM test and the report equals {@code DataDrift}'s on the same data.
 *
 * <pre>{@code
 * DriftReport report = SparkDrift.of(DataDrift.builder().build()).run(reference, current);
 * Files.writeString(Path.of("drift.json"), report.toJson());
 * }</pre>
 *
 * <p>Above {@link #maxRows()} rows on either side the exact path would not fit the driver and {@link #run} refuses;
 * compare profiles instead ({@link SparkProfiles#profile} of each side, then {@link ProfileDrift#compare}), whose
 * sketch-based tests state their error bounds per column.
 *
 * <p>Immutable and thread-safe; each {@link #run} starts a few Spark jobs per column.
 */
public final class SparkDrift {

    /** The default most rows per side tested exactly: 20 million (160 MB of doubles per numeric column). */
    public static final int DEFAULT_MAX_ROWS = 20_000_000;

    private final DataDrift drift;
    private final int maxRows;

    private SparkDrift(DataDrift drift, int maxRows) {
        this.drift = drift;
        this.maxRows = maxRows;
    }

    /**
     * @param drift the drift configuration (tests, thresholds, columns, correction)
     * @return a Spark drift with it and {@link #DEFAULT_MAX_ROWS}
     */
    public static SparkDrift of(DataDrift drift) {
        return new SparkDrift(drift, DEFAULT_MAX_ROWS);
    }

    /**
     * @param rows the most rows per side to test exactly (up to {@code Integer.MAX_VALUE - 8})
     * @return a copy with that limit
     */
    public SparkDrift withMaxRows(int rows) {
        if (rows < 1) {
            throw new MlopsException("The most rows to test exactly must be at least 1, but was " + rows);
        }
        return new SparkDrift(drift, rows);
    }

    /** @return the most rows per side tested exactly */
    public int maxRows() {
        return maxRows;
    }

    /**
     * @param reference the reference rows (typically the training data)
     * @param current   the current rows (typically a serving window)
     * @return the report, equal to {@code DataDrift.run} of the same rows as tables
     * @throws DataException when a side has more than {@link #maxRows()} rows, or a column has a Spark type mlops4j
     *                       does not read; and as {@link DataDrift#run} throws
     */
    public DriftReport run(Dataset<Row> reference, Dataset<Row> current) {
        int referenceRows = rows(reference, "reference");
        int currentRows = rows(current, "current");
        return drift.run(DriftColumns.table(reference, referenceRows), DriftColumns.table(current, currentRows));
    }

    private int rows(Dataset<Row> data, String side) {
        long rows = data.count();
        if (rows > maxRows) {
            throw new DataException("The " + side + " data has " + rows + " rows, more than the " + maxRows
                    + " that SparkDrift tests exactly on the driver; raise the limit with withMaxRows (the driver"
                    + " holds 8 bytes per numeric value) or compare profiles: ProfileDrift.compare("
                    + "SparkProfiles.profile(reference), SparkProfiles.profile(current)), whose sketch-based tests"
                    + " state their error bounds", null, 0, null, null);
        }
        return (int) rows;
    }
}
