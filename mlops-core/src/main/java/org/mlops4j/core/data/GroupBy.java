package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a {@link Table} grouped by equal key columns, as returned by {@link Table#groupBy(String...)}.
 *
 * <p>Groups appear in the order in which their first row appears; rows whose keys are null form groups of their own.
 * Aggregates return a table with the key columns first, then one column per aggregate.
 */
public final class GroupBy {

    private final Table table;
    private final List<Column> keys;
    private final int[] groupOfRow;
    private final int[] firstRowOfGroup;

    GroupBy(Table table, List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("groupBy needs at least one key column");
        }
        this.table = table;
        this.keys = keyColumns.stream().map(table::column).toList();
        this.groupOfRow = new int[table.rowCount()];
        Map<List<Object>, Integer> groupByKey = new HashMap<>();
        int[] firsts = new int[16];
        for (int row = 0; row < groupOfRow.length; row++) {
            List<Object> key = Table.rowKey(keys, row);
            Integer group = groupByKey.get(key);
            if (group == null) {
                group = groupByKey.size();
                groupByKey.put(key, group);
                if (group == firsts.length) {
                    firsts = Arrays.copyOf(firsts, firsts.length * 2);
                }
                firsts[group] = row;
            }
            groupOfRow[row] = group;
        }
        this.firstRowOfGroup = Arrays.copyOf(firsts, groupByKey.size());
    }

    /** @return the number of groups */
    public int groupCount() {
        return firstRowOfGroup.length;
    }

    /**
     * Sums numeric columns per group; null values are skipped, so a group of nulls sums to 0.
     *
     * @param valueColumns numeric columns to sum (the result keeps their names)
     * @return the key columns followed by the sums
     */
    public Table sum(String... valueColumns) {
        List<Column> out = keyColumns();
        for (String name : valueColumns) {
            NumericColumn values = table.numeric(name);
            double[] sums = new double[groupCount()];
            for (int row = 0; row < groupOfRow.length; row++) {
                if (!values.isNull(row)) {
                    sums[groupOfRow[row]] += values.getDouble(row);
                }
            }
            out.add(NumericColumn.of(name, sums));
        }
        return Table.of(out);
    }

    /** @return the key columns followed by a numeric {@code count} column with each group's number of rows */
    public Table count() {
        double[] counts = new double[groupCount()];
        for (int group : groupOfRow) {
            counts[group]++;
        }
        List<Column> out = keyColumns();
        out.add(NumericColumn.of("count", counts));
        return Table.of(out);
    }

    private List<Column> keyColumns() {
        List<Column> out = new ArrayList<>();
        for (Column key : keys) {
            out.add(key.take(firstRowOfGroup));
        }
        return out;
    }
}
