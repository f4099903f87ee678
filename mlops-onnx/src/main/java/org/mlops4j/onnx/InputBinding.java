package org.mlops4j.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;

/**
 * How a table's columns become an ONNX graph's input tensors, in one of the two layouts converters emit: one input
 * per column (skl2onnx for a DataFrame: {@code float [N, 1]} for numbers, {@code string [N, 1]} for categories), or
 * one float (or double) tensor {@code [N, k]} of all features, whose columns are the input schema's in order.
 *
 * <p>Immutable and thread-safe; the tensors it makes belong to the caller, who closes them.
 */
final class InputBinding {

    /** One graph input and the table columns that fill it. */
    record GraphInput(String name, OnnxJavaType type, int rank, List<String> columns) {
    }

    private final List<GraphInput> inputs;
    private final Schema schema;

    private InputBinding(List<GraphInput> inputs, Schema schema) {
        this.inputs = List.copyOf(inputs);
        this.schema = schema;
    }

    /**
     * @param graphInputs the session's inputs
     * @param given       the input schema from a signature or a schema file, if any
     * @param source      the model's file, for messages
     * @return the binding
     * @throws MlopsException when the inputs fit neither layout, or the one-tensor layout has no schema to name its
     *                        columns
     */
    static InputBinding of(Map<String, NodeInfo> graphInputs, Optional<Schema> given, String source) {
        List<String> names = new ArrayList<>(graphInputs.keySet());
        List<GraphInput> inputs = new ArrayList<>();
        boolean perColumn = given.map(s -> s.columnNames().containsAll(names)).orElse(names.size() > 1);
        if (!perColumn && names.size() == 1) {
            TensorInfo info = tensor(graphInputs.get(names.get(0)), source);
            long width = info.getShape().length == 2 ? info.getShape()[1] : -1;
            if (info.type != OnnxJavaType.FLOAT && info.type != OnnxJavaType.DOUBLE) {
                throw new MlopsException("The ONNX model " + source + " takes one " + info.type + " tensor '"
                        + names.get(0) + "'; a single input must be a float or double tensor [N, features]");
            }
            Schema schema = given.orElseThrow(() -> new MlopsException("The ONNX model " + source
                    + " takes one tensor '" + names.get(0) + "' of " + (width < 0 ? "its" : width)
                    + " features and does not name its columns; give the input schema (a signature in MLmodel, or "
                    + "mlops models register --schema FILE) listing the feature columns in the tensor's order"));
            if (width >= 0 && width != schema.columns().size()) {
                throw new MlopsException("The ONNX model " + source + " takes " + width + " features in '"
                        + names.get(0) + "' but its input schema has " + schema.columns().size() + " columns "
                        + schema.columnNames() + "; give one column per feature, in the tensor's order");
            }
            inputs.add(new GraphInput(names.get(0), info.type, info.getShape().length, schema.columnNames()));
            return new InputBinding(inputs, numeric(schema));
        }
        if (!perColumn) {
            throw new MlopsException("The ONNX model " + source + " takes the inputs " + names + ", which are not all"
                    + " columns of its input schema " + given.map(Schema::columnNames).orElse(List.of())
                    + "; name the schema's columns as the graph's inputs");
        }
        Schema.Builder derived = Schema.builder();
        for (String name : names) {
            TensorInfo info = tensor(graphInputs.get(name), source);
            ColumnType type = columnType(info, name, source);
            inputs.add(new GraphInput(name, info.type, info.getShape().length, List.of(name)));
            derived.column(given.flatMap(s -> s.column(name)).orElse(ColumnSpec.of(name, type)));
        }
        return new InputBinding(inputs, derived.build());
    }

    /** @return the columns a table must have, in the graph's order */
    Schema schema() {
        return schema;
    }

    /**
     * Finds the rows the graph cannot take, scanning each bound column once.
     *
     * @param table a table that passed {@link Schema#requireColumns}
     * @return per row the graph cannot take (a missing value, a fraction for an int64 input), why; in row order
     */
    Map<Integer, String> problems(Table table) {
        Map<Integer, String> problems = new java.util.TreeMap<>();
        for (GraphInput input : inputs) {
            for (String name : input.columns()) {
                Column column = table.column(name);
                NumericColumn numeric = column instanceof NumericColumn n ? n : null;
                if (numeric == null && column.nullCount() == 0) {
                    continue;
                }
                for (int row = 0; row < column.size(); row++) {
                    double value = numeric == null ? 0 : numeric.getDouble(row);
                    if (column.isNull(row) || Double.isNaN(value)) {
                        problems.putIfAbsent(row, "row " + row + ", column '" + name + "': missing value; the ONNX"
                                + " graph has no imputer, fill the value before scoring");
                    } else if (input.type() == OnnxJavaType.INT64 && value != Math.rint(value)) {
                        problems.putIfAbsent(row, "row " + row + ", column '" + name + "': " + value
                                + " is not a whole number, which the graph's int64 input needs");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * @param env   ONNX Runtime's environment
     * @param table the table
     * @param rows  the rows to put in the tensors, in order (none has a {@link #problem})
     * @return one tensor per graph input; the caller closes them
     * @throws OrtException when ONNX Runtime refuses a tensor
     */
    Map<String, OnnxTensor> tensors(OrtEnvironment env, Table table, int[] rows) throws OrtException {
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (GraphInput input : inputs) {
                tensors.put(input.name(), tensor(env, input, table, rows));
            }
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            throw e;
        }
        return tensors;
    }

    private static OnnxTensor tensor(OrtEnvironment env, GraphInput input, Table table, int[] rows)
            throws OrtException {
        int width = input.columns().size();
        long[] shape = input.rank() == 1 ? new long[] {rows.length} : new long[] {rows.length, width};
        List<Column> columns = input.columns().stream().map(table::column).toList();
        switch (input.type()) {
            case FLOAT -> {
                float[] values = new float[rows.length * width];
                for (int c = 0; c < width; c++) {
                    Column column = columns.get(c);
                    for (int r = 0; r < rows.length; r++) {
                        values[r * width + c] = (float) number(column, rows[r]);
                    }
                }
                return OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
            }
            case DOUBLE -> {
                double[] values = new double[rows.length * width];
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < width; c++) {
                        values[r * width + c] = number(columns.get(c), rows[r]);
                    }
                }
                return OnnxTensor.createTensor(env, DoubleBuffer.wrap(values), shape);
            }
            case INT64 -> {
                long[] values = new long[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    values[r] = (long) number(columns.get(0), rows[r]);
                }
                return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
            }
            case STRING -> {
                String[] values = new String[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    values[r] = columns.get(0).format(rows[r]);
                }
                return OnnxTensor.createTensor(env, values, shape);
            }
            default -> throw new IllegalStateException("unsupported input type " + input.type());
        }
    }

    private static double number(Column column, int row) {
        if (column instanceof NumericColumn numeric) {
            return numeric.getDouble(row);
        }
        if (column instanceof BooleanColumn bool) {
            return Boolean.TRUE.equals(bool.get(row)) ? 1.0 : 0.0;
        }
        throw new IllegalStateException("column '" + column.name() + "' is " + column.type().key());
    }

    private static TensorInfo tensor(NodeInfo node, String source) {
        if (node.getInfo() instanceof TensorInfo info) {
            return info;
        }
        throw new MlopsException("The ONNX model " + source + " takes input '" + node.getName() + "' as "
                + node.getInfo() + "; mlops4j fills tensor inputs only");
    }

    private static ColumnType columnType(TensorInfo info, String name, String source) {
        return switch (info.type) {
            case FLOAT, DOUBLE, INT64 -> ColumnType.NUMERIC;
            case STRING -> ColumnType.CATEGORICAL;
            default -> throw new MlopsException("The ONNX model " + source + " takes input '" + name + "' as a "
                    + info.type + " tensor; mlops4j fills float, double, int64 and string inputs from columns");
        };
    }

    private static Schema numeric(Schema schema) {
        for (ColumnSpec spec : schema.columns()) {
            if (spec.type().filter(t -> t != ColumnType.NUMERIC && t != ColumnType.BOOLEAN).isPresent()) {
                throw new MlopsException("Column '" + spec.name() + "' of the input schema is "
                        + spec.type().get().key() + ", but the ONNX graph takes every feature in one number tensor;"
                        + " encode it to numbers before the graph, or export the model with one input per column");
            }
        }
        return schema;
    }
}
