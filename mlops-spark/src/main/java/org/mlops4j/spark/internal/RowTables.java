package org.mlops4j.spark.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TimestampColumn;

/**
 * Turns Spark rows into mlops4j {@link Table}s of at most a given number of rows, so that the single-JVM code
 * (profile builders, drift tests) runs unchanged on each partition. Spark numbers (any {@code NumericType}) become
 * numeric columns, strings categorical columns, booleans boolean columns, dates and timestamps timestamp columns
 * (dates at midnight UTC); a null stays missing and a NaN stays NaN.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RowTables {

    private RowTables() {
    }

    /**
     * @param schema the rows' schema
     * @return the mlops4j column type of each field, in order
     * @throws DataException when a field has a type mlops4j has no column for (arrays, maps, structs, binary)
     */
    public static List<ColumnType> columnTypes(StructType schema) {
        List<ColumnType> types = new ArrayList<>();
        for (StructField field : schema.fields()) {
            types.add(columnType(field));
        }
        return types;
    }

    private static ColumnType columnType(StructField field) {
        DataType type = field.dataType();
        if (type instanceof NumericType) {
            return ColumnType.NUMERIC;
        }
        if (type instanceof StringType) {
            return ColumnType.CATEGORICAL;
        }
        if (type instanceof BooleanType) {
            return ColumnType.BOOLEAN;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType || type instanceof DateType) {
            return ColumnType.TIMESTAMP;
        }
        throw new DataException("Column '" + field.name() + "' has the Spark type " + type.simpleString()
                + "; mlops4j reads numbers, strings, booleans, dates and timestamps. Select the columns to profile or"
                + " cast this one (for example to a string)", null, 0, field.name(), null);
    }

    /**
     * Reads up to {@code maxRows} rows from an iterator into one table.
     *
     * @param schema  the rows' schema
     * @param types   {@link #columnTypes(StructType)} of the schema
     * @param rows    the rows; advanced by at most {@code maxRows}
     * @param maxRows the most rows in the table
     * @return the table (empty when the iterator was exhausted)
     */
    public static Table next(StructType schema, List<ColumnType> types, Iterator<Row> rows, int maxRows) {
        StructField[] fields = schema.fields();
        List<Object> builders = new ArrayList<>(fields.length);
        for (int c = 0; c < fields.length; c++) {
            builders.add(builder(fields[c].name(), types.get(c), maxRows));
        }
        int count = 0;
        while (count < maxRows && rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < fields.length; c++) {
                add(builders.get(c), row.isNullAt(c) ? null : row.get(c));
            }
            count++;
        }
        List<Column> columns = new ArrayList<>(fields.length);
        for (Object builder : builders) {
            columns.add(build(builder));
        }
        return Table.of(columns);
    }

    private static Object builder(String name, ColumnType type, int capacity) {
        return switch (type) {
            case NUMERIC -> NumericColumn.builder(name, capacity);
            case BOOLEAN -> BooleanColumn.builder(name);
            case TIMESTAMP -> TimestampColumn.builder(name, capacity);
            default -> CategoricalColumn.builder(name, capacity);
        };
    }

    private static void add(Object builder, Object value) {
        if (builder instanceof NumericColumn.Builder numbers) {
            if (value == null) {
                numbers.addNull();
            } else {
                numbers.add(value instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue());
            }
        } else if (builder instanceof BooleanColumn.Builder booleans) {
            booleans.add((Boolean) value);
        } else if (builder instanceof TimestampColumn.Builder times) {
            if (value == null) {
                times.addNull();
            } else {
                times.addEpochMillis(epochMillis(value));
            }
        } else {
            ((CategoricalColumn.Builder) builder).add(value == null ? null : value.toString());
        }
    }

    private static long epochMillis(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.getTime();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static Column build(Object builder) {
        if (builder instanceof NumericColumn.Builder numbers) {
            return numbers.build();
        }
        if (builder instanceof BooleanColumn.Builder booleans) {
            return booleans.build();
        }
        if (builder instanceof TimestampColumn.Builder times) {
            return times.build();
        }
        return ((CategoricalColumn.Builder) builder).build();
    }
}
