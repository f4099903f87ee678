package org.mlops4j.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Exact value counts of some columns of one partition, with the position of each value's first row (partition,
 * then row in it: the data's order), so the driver can merge partitions and order levels as a table read in one JVM
 * orders them. One pass and no shuffle for all the columns together. Serializable and public (Spark's encoder
 * wants both): it is both Spark's task and its result.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class PartitionCounts implements MapPartitionsFunction<Row, PartitionCounts>, Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Map<String, long[]>> counts = new ArrayList<>();

    /**
     * @param column the column's index among the counted ones
     * @return its values ({@code null} for missing) with {count, first row's position}; empty when no row was seen
     */
    public Map<String, long[]> column(int column) {
        return column < counts.size() ? counts.get(column) : Map.of();
    }

    @Override
    public Iterator<PartitionCounts> call(Iterator<Row> rows) {
        long partition = TaskContext.getPartitionId();
        PartitionCounts result = new PartitionCounts();
        long offset = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < row.size(); c++) {
                if (result.counts.size() <= c) {
                    result.counts.add(new HashMap<>());
                }
                String value = row.isNullAt(c) ? null : row.get(c).toString();
                long position = (partition << 40) + offset;
                result.counts.get(c).computeIfAbsent(value, v -> new long[] {0, position})[0]++;
            }
            offset++;
        }
        return List.of(result).iterator();
    }

    /**
     * Adds another partition's counts to these (first rows: the earlier one).
     *
     * @param other the other partition's counts
     */
    public void merge(PartitionCounts other) {
        for (int c = 0; c < other.counts.size(); c++) {
            if (counts.size() <= c) {
                counts.add(new HashMap<>());
            }
            Map<String, long[]> into = counts.get(c);
            other.counts.get(c).forEach((value, countAndFirst) -> into.merge(value, countAndFirst,
                    (a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1])}));
        }
    }
}
