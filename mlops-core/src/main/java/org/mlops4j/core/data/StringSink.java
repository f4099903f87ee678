package org.mlops4j.core.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads strings into a categorical or a text column. When the column type is not fixed, {@link #chooseType} decides
 * from the values once all are read.
 */
final class StringSink implements ColumnSink {

    /** A string column with at most this many distinct values is always categorical. */
    public static final int ALWAYS_CATEGORICAL_LEVELS = 20;

    private final ResultColumn column;
    private final ColumnType target;
    private String[] values = new String[1024];
    private int size;

    /**
     * @param column the result column
     * @param target {@link ColumnType#CATEGORICAL}, {@link ColumnType#TEXT}, or {@code null} to decide from the values
     */
    public StringSink(ResultColumn column, ColumnType target) {
        this.column = column;
        this.target = target;
    }

    /**
     * The rule for strings whose SQL type does not say whether they are categories or free text: categorical when
     * there are at most {@value #ALWAYS_CATEGORICAL_LEVELS} distinct values or when at most half of the non-null
     * values are distinct; text otherwise.
     *
     * @param values the values; {@code null} for missing ones
     * @param size   how many of {@code values} to look at
     * @return {@link ColumnType#CATEGORICAL} or {@link ColumnType#TEXT}
     */
    public static ColumnType chooseType(String[] values, int size) {
        Set<String> distinct = new HashSet<>();
        int nonNull = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] != null) {
                nonNull++;
                distinct.add(values[i]);
            }
        }
        boolean categorical = distinct.size() <= ALWAYS_CATEGORICAL_LEVELS || 2L * distinct.size() <= nonNull;
        return categorical ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }

    @Override
    public void read(ResultSet resultSet, long row) throws SQLException {
        add(resultSet.getString(column.index()));
    }

    void add(String value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = value;
    }

    @Override
    public Column build() {
        String[] exact = Arrays.copyOf(values, size);
        ColumnType type = target != null ? target : chooseType(exact, size);
        return type == ColumnType.TEXT ? TextColumn.of(column.name(), exact)
                : CategoricalColumn.of(column.name(), exact);
    }
}
