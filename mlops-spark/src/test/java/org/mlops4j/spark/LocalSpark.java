package org.mlops4j.spark;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TimestampColumn;

/**
 * The local[2] Spark session that the module's test classes share (started once per test JVM and stopped by Spark's
 * shutdown hook, as starting one costs tens of seconds on two cores), and tables turned into Datasets of several
 * partitions.
 */
final class LocalSpark {

    private LocalSpark() {
    }

    /** @return the shared local[2] session, without UI and with few shuffle partitions */
    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("mlops-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /**
     * @param spark      the session
     * @param table      the rows, in order
     * @param partitions how many partitions to cut them into (in order)
     * @return the same rows as a Dataset: numbers as doubles (null stays null, NaN stays NaN), timestamps as
     *         timestamps, booleans as booleans, everything else as strings
     */
    static Dataset<Row> dataset(SparkSession spark, Table table, int partitions) {
        List<StructField> fields = new ArrayList<>();
        for (Column column : table.columns()) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column), true));
        }
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] values = new Object[table.columnCount()];
            for (int c = 0; c < values.length; c++) {
                values[c] = value(table.column(c), r);
            }
            rows.add(RowFactory.create(values));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(context.parallelize(rows, partitions), new StructType(fields.toArray(StructField[]::new)));
    }

    private static DataType sparkType(Column column) {
        if (column instanceof NumericColumn) {
            return DataTypes.DoubleType;
        }
        if (column instanceof BooleanColumn) {
            return DataTypes.BooleanType;
        }
        if (column instanceof TimestampColumn) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static Object value(Column column, int row) {
        if (column.isNull(row)) {
            return null;
        }
        if (column instanceof NumericColumn numbers) {
            return numbers.getDouble(row);
        }
        if (column instanceof BooleanColumn booleans) {
            return booleans.getBoolean(row);
        }
        if (column instanceof TimestampColumn times) {
            return new Timestamp(times.getEpochMillis(row));
        }
        return String.valueOf(column.get(row));
    }
}
