package org.mlops4j.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.mlops4j.core.DataException;
import org.mlops4j.drift.profile.ProfileOptions;
import org.mlops4j.drift.profile.TableProfile;
import org.mlops4j.spark.internal.RowTables;

/**
 * {@link TableProfile}s of Spark {@code Dataset<Row>}s: each partition is profiled on its executor with the same
 * {@code ProfileBuilder} and sketches as in one JVM, sent to the driver in the profile's JSON form, and the
 * partitions' profiles are merged there. The result is a plain {@code TableProfile}: it merges with, is compared
 * with ({@code ProfileDrift}) and is saved like one made in a JVM.
 *
 * <pre>{@code
 * TableProfile profile = SparkProfiles.profile(spark.read().parquet("leads/"));
 * profile.save(Path.of("leads.profile.json"));
 * }</pre>
 *
 * <p>Counts (rows, nulls, NaN, values per category while exact, duplicates while exact) equal the single-JVM
 * profile's; quantiles and distinct counts come from mergeable sketches and stay within their stated bounds
 * ({@code NumericProfile.normalizedRankError()}, {@code DistinctCount} bounds).
 *
 * <p>Memory per task: {@value PartitionProfiler#CHUNK_ROWS} rows at a time, plus per column the sketches that
 * {@link ProfileOptions} bounds (with the defaults, per numeric column at most 25,092 bytes for the KLL sketch at
 * k = 1024 even after 10^9 values, 2,580 bytes for the CPC sketch at lgK = 12 and up to 256 exact distinct values;
 * per categorical column up to 1,024 exact category counts or a frequent-items map of 1,024 entries), plus up to
 * 1 MiB of row hashes for exact duplicate counting; it does not grow with the partition's rows. The driver holds one
 * profile per partition while merging.
 *
 * <p>Stateless and thread-safe; each call runs one Spark job.
 */
public final class SparkProfiles {

    private SparkProfiles() {
    }

    /**
     * @param data the rows to profile (numbers, strings, booleans, dates and timestamps)
     * @return the merged profile, with the default options
     * @throws DataException when a column's Spark type has no mlops4j column (arrays, maps, structs, binary)
     */
    public static TableProfile profile(Dataset<Row> data) {
        return profile(data, ProfileOptions.defaults());
    }

    /**
     * @param data    the rows to profile
     * @param options the sketch sizes and exact limits, as in one JVM
     * @return the merged profile
     * @throws DataException when a column's Spark type has no mlops4j column
     */
    public static TableProfile profile(Dataset<Row> data, ProfileOptions options) {
        RowTables.columnTypes(data.schema()); // fail on the driver, before a job starts
        PartitionProfiler profiler = new PartitionProfiler(data.schema(), options);
        List<String> partitions = data.mapPartitions(profiler, Encoders.STRING()).collectAsList();
        TableProfile merged = null;
        for (String json : partitions) {
            TableProfile partition = TableProfile.fromJson(json);
            merged = merged == null ? partition : merged.merge(partition);
        }
        if (merged == null) {
            return emptyProfile(data, options);
        }
        return merged;
    }

    private static TableProfile emptyProfile(Dataset<Row> data, ProfileOptions options) {
        return TableProfile.of(RowTables.next(data.schema(), RowTables.columnTypes(data.schema()),
                List.<Row>of().iterator(), 0), options);
    }
}
