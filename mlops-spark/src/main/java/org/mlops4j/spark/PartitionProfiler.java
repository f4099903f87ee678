package org.mlops4j.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.drift.profile.ProfileBuilder;
import org.mlops4j.drift.profile.ProfileOptions;
import org.mlops4j.spark.internal.RowTables;

/**
 * The task that profiles one partition: its rows go to a {@link ProfileBuilder} in tables of {@value #CHUNK_ROWS}
 * rows, and the partition's profile leaves the executor as its JSON (the form {@code TableProfile.fromJson} reads and
 * the single-JVM profile writes). An empty partition yields nothing. Serializable: Spark ships it to the executors.
 */
final class PartitionProfiler implements MapPartitionsFunction<Row, String>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows held at once per task, besides the sketches (the same block the profile builder works in). */
    static final int CHUNK_ROWS = 8192;

    private final StructType schema;
    private final int kllK;
    private final int distinctLgK;
    private final int exactDistinctLimit;
    private final int categoryExactLimit;
    private final int frequentItemsMapSize;
    private final boolean duplicateRows;
    private final int duplicateRowsExactLimit;
    private final boolean correlations;
    private final int maxCorrelationColumns;

    PartitionProfiler(StructType schema, ProfileOptions options) {
        this.schema = schema;
        this.kllK = options.kllK();
        this.distinctLgK = options.distinctLgK();
        this.exactDistinctLimit = options.exactDistinctLimit();
        this.categoryExactLimit = options.categoryExactLimit();
        this.frequentItemsMapSize = options.frequentItemsMapSize();
        this.duplicateRows = options.duplicateRows();
        this.duplicateRowsExactLimit = options.duplicateRowsExactLimit();
        this.correlations = options.correlations();
        this.maxCorrelationColumns = options.maxCorrelationColumns();
    }

    ProfileOptions options() {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        List<ColumnType> types = RowTables.columnTypes(schema);
        ProfileBuilder builder = ProfileBuilder.create(options());
        while (rows.hasNext()) {
            Table chunk = RowTables.next(schema, types, rows, CHUNK_ROWS);
            builder.add(chunk);
        }
        return List.of(builder.build().toJson()).iterator();
    }
}
