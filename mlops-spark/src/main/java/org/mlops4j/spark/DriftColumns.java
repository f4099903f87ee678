package org.mlops4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.spark.internal.PartitionCounts;
import org.mlops4j.spark.internal.RowTables;

/**
 * The driver-side table that {@code DataDrift} tests, made from a Dataset in two passes: categorical and boolean
 * columns from exact counts ({@code PartitionCounts}, all such columns in one job; levels in order of first
 * appearance, as a table read in one JVM has them), numeric and timestamp columns collected as values (one pass,
 * partition by partition). Rows of different columns are not aligned (each column is
 * tested on its own). Package-private: {@link SparkDrift}'s helper.
 */
final class DriftColumns {

    private DriftColumns() {
    }

    /**
     * @param data the rows
     * @param rows their number
     * @return one column per field of the data, each with {@code rows} values
     */
    static Table table(Dataset<Row> data, int rows) {
        StructField[] fields = data.schema().fields();
        List<ColumnType> types = RowTables.columnTypes(data.schema());
        List<String> counted = new ArrayList<>();
        List<String> collected = new ArrayList<>();
        for (int c = 0; c < fields.length; c++) {
            ColumnType type = types.get(c);
            (type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN ? counted : collected).add(fields[c].name());
        }
        Map<String, Column> columns = new HashMap<>();
        if (!counted.isEmpty()) {
            PartitionCounts counts = counts(data.selectExpr(quoted(counted)));
            for (int c = 0; c < counted.size(); c++) {
                Map<String, long[]> column = counts.column(c);
                String name = counted.get(c);
                columns.put(name, types.get(data.schema().fieldIndex(name)) == ColumnType.BOOLEAN
                        ? booleans(name, column) : categorical(name, column, rows));
            }
        }
        if (!collected.isEmpty()) {
            Dataset<Row> values = data.selectExpr(quoted(collected));
            Table table = RowTables.next(values.schema(), RowTables.columnTypes(values.schema()),
                    values.toLocalIterator(), rows);
            table.columns().forEach(column -> columns.put(column.name(), column));
        }
        List<Column> ordered = new ArrayList<>(fields.length);
        for (StructField field : fields) {
            ordered.add(columns.get(field.name()));
        }
        return Table.of(ordered);
    }

    private static String[] quoted(List<String> names) {
        return names.stream().map(name -> "`" + name.replace("`", "``") + "`").toArray(String[]::new);
    }

    private static PartitionCounts counts(Dataset<Row> data) {
        PartitionCounts merged = new PartitionCounts();
        for (PartitionCounts partition : data.mapPartitions(new PartitionCounts(),
                Encoders.javaSerialization(PartitionCounts.class)).collectAsList()) {
            merged.merge(partition);
        }
        return merged;
    }

    private static Column categorical(String name, Map<String, long[]> counts, int rows) {
        List<Map.Entry<String, long[]>> byFirstRow = new ArrayList<>(counts.entrySet());
        byFirstRow.sort(Comparator.comparingLong(entry -> entry.getValue()[1]));
        List<String> levels = new ArrayList<>();
        int[] codes = new int[rows];
        Arrays.fill(codes, -1);
        int next = 0;
        for (Map.Entry<String, long[]> entry : byFirstRow) {
            int count = (int) entry.getValue()[0];
            if (entry.getKey() != null) {
                Arrays.fill(codes, next, next + count, levels.size());
                levels.add(entry.getKey());
                next += count;
            }
        }
        return CategoricalColumn.ofCodes(name, codes, levels);
    }

    private static Column booleans(String name, Map<String, long[]> counts) {
        BooleanColumn.Builder builder = BooleanColumn.builder(name);
        counts.forEach((value, countAndFirst) -> {
            for (long i = countAndFirst[0]; i > 0; i--) {
                builder.add(value == null ? null : Boolean.valueOf(value));
            }
        });
        return builder.build();
    }
}
