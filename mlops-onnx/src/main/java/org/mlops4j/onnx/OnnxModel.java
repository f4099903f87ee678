package org.mlops4j.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.ColumnImputation;
import org.mlops4j.models.PredictOptions;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ScoringModel;
import org.mlops4j.models.TaskType;

/**
 * A model trained elsewhere (scikit-learn through skl2onnx, MLflow's {@code onnx} flavor), loaded with ONNX Runtime
 * and served through the same {@link org.mlops4j.models.Predictor} as mlops4j's own models.
 *
 * <p>The table's columns fill the graph's inputs in one of the two layouts converters emit (see
 * {@link #inputSchema()}): one tensor per column, named as the column, or one float tensor {@code [N, k]} of all
 * features in the input schema's order. A classifier's class labels come from the graph's {@code classlabels_*}
 * attribute; its label output and its probabilities (a tensor, or {@code ZipMap}'s sequence of maps) become each
 * row's label, score and probabilities. A table without an input column, or with one of another type, is refused
 * as a whole ({@link org.mlops4j.core.DataException}); a row with a missing value (the graph has no imputer) gets
 * its {@link PredictedRow#error()}, as does a row ONNX Runtime fails on, and the others are scored.
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.load(Path.of("pipeline.onnx"))) {
 *     Predictions predictions = model.predictor().predict(leads);
 * }
 * }</pre>
 *
 * <p>Thread-safe (ONNX Runtime's {@code OrtSession.run} is). The session holds native memory: {@link #close()}
 * frees it; a model that is never closed is freed when the JVM exits.
 */
public final class OnnxModel implements ScoringModel, AutoCloseable {

    private final byte[] graph;
    private final String source;
    private final OrtSession session;
    private final InputBinding inputs;
    private final GraphOutputs outputs;
    private final List<String> classLabels;

    private OnnxModel(byte[] graph, String source, OrtSession session, InputBinding inputs, GraphOutputs outputs,
            List<String> classLabels) {
        this.graph = graph;
        this.source = source;
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
        this.classLabels = List.copyOf(classLabels);
    }

    /**
     * Loads a graph whose inputs are named as the table's columns (one tensor per column).
     *
     * @param file an {@code .onnx} file
     * @return the model
     * @throws MlopsException naming the file when it cannot be read or loaded, or its inputs need a schema
     */
    public static OnnxModel load(Path file) {
        return load(file, Optional.empty());
    }

    /**
     * @param file   an {@code .onnx} file
     * @param schema the input columns and types (from a signature or a schema file); needed when the graph takes
     *               one tensor of all features, optional when it takes one tensor per column
     * @return the model
     * @throws MlopsException naming the file when it cannot be read or loaded, or its inputs do not fit the schema
     */
    public static OnnxModel load(Path file, Optional<Schema> schema) {
        try {
            return of(Files.readAllBytes(file), file.toString(), schema);
        } catch (IOException e) {
            throw new MlopsException("Cannot read the ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param graph  the bytes of an ONNX model
     * @param source where they came from, for messages
     * @param schema the input columns and types, as for {@link #load(Path, Optional)}
     * @return the model
     * @throws MlopsException when ONNX Runtime cannot load the graph, or its inputs do not fit the schema
     */
    public static OnnxModel of(byte[] graph, String source, Optional<Schema> schema) {
        Optional<List<String>> labels;
        try {
            labels = ClassLabels.of(graph);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(source + " is not an ONNX model (" + e.getMessage() + ")", e);
        }
        OrtSession session;
        try {
            session = OrtEnvironment.getEnvironment().createSession(graph, sessionOptions());
        } catch (OrtException e) {
            throw new MlopsException("ONNX Runtime cannot load " + source + ": " + e.getMessage(), e);
        }
        try {
            InputBinding inputs = InputBinding.of(session.getInputInfo(), schema, source);
            GraphOutputs outputs = GraphOutputs.of(session.getOutputInfo(), labels.isPresent(), source);
            return new OnnxModel(graph.clone(), source, session, inputs, outputs, labels.orElse(List.of()));
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof MlopsException m ? m
                    : new MlopsException("Cannot read the inputs and outputs of " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the options every session is made with: one intra-op thread, since a served model is called by many
     *         request threads at once (the server parallelises over requests, not inside one), and ONNX Runtime's
     *         spinning pool of one thread per core slows every call down on a busy machine
     * @throws OrtException when ONNX Runtime refuses the options
     */
    public static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        return options;
    }

    /** @return {@value OnnxModelFlavor#NAME} */
    @Override
    public String flavor() {
        return OnnxModelFlavor.NAME;
    }

    /** @return classification when the graph has class labels, else regression */
    @Override
    public TaskType task() {
        return classLabels.isEmpty() ? TaskType.REGRESSION : TaskType.CLASSIFICATION;
    }

    /**
     * @return the graph's input columns: one per input tensor (float, double and int64 inputs numeric, string inputs
     *         categorical or text), or the given schema's columns for a graph taking one tensor of all features
     */
    @Override
    public Schema inputSchema() {
        return inputs.schema();
    }

    /** @return the classes in the order of the probability columns, integers in decimal */
    @Override
    public List<String> classLabels() {
        return classLabels;
    }

    /** @return the last class of a binary classifier, as scikit-learn's {@code classes_[1]} */
    @Override
    public Optional<String> positiveLabel() {
        return classLabels.size() == 2 ? Optional.of(classLabels.get(1)) : Optional.empty();
    }

    /** @return the graph's inputs, by name: their tensor types and shapes as ONNX Runtime reports them */
    public Map<String, String> graphInputs() {
        return describe(() -> session.getInputInfo());
    }

    /** @return the graph's outputs, by name: their types as ONNX Runtime reports them */
    public Map<String, String> graphOutputs() {
        return describe(() -> session.getOutputInfo());
    }

    /** @return a copy of the model's bytes, as loaded */
    public byte[] bytes() {
        return graph.clone();
    }

    /** @return where the model was loaded from */
    public String source() {
        return source;
    }

    /**
     * Scores every row; missing values fail their rows whatever the options (the graph has no imputer).
     *
     * @throws org.mlops4j.core.DataException when an input column is missing or of another type
     */
    @Override
    public Predictions predict(Table table, PredictOptions options) {
        Schema schema = inputs.schema();
        schema.requireColumns(table, "The ONNX model " + source, null);
        PredictedRow[] predicted = new PredictedRow[table.rowCount()];
        Map<Integer, String> problems = inputs.problems(table);
        int[] scorable = new int[table.rowCount() - problems.size()];
        for (int row = 0, next = 0; row < table.rowCount(); row++) {
            String problem = problems.get(row);
            if (problem != null) {
                predicted[row] = failed(row, problem);
            } else {
                scorable[next++] = row;
            }
        }
        score(table, scorable, predicted);
        List<ColumnImputation> imputation = schema.columnNames().stream()
                .map(name -> new ColumnImputation(name, missing(table.column(name)), 0)).toList();
        return new Predictions(Arrays.asList(predicted), imputation);
    }

    private void score(Table table, int[] rows, PredictedRow[] predicted) {
        if (rows.length == 0) {
            return;
        }
        try {
            for (PredictedRow row : run(table, rows)) {
                predicted[row.row()] = row;
            }
        } catch (OrtException | RuntimeException e) {
            if (rows.length == 1) {
                predicted[rows[0]] = failed(rows[0], "ONNX Runtime failed: " + e.getMessage());
                return;
            }
            for (int row : rows) {
                score(table, new int[] {row}, predicted);
            }
        }
    }

    private List<PredictedRow> run(Table table, int[] rows) throws OrtException {
        Map<String, OnnxTensor> tensors = inputs.tensors(OrtEnvironment.getEnvironment(), table, rows);
        try (OrtSession.Result result = session.run(tensors, new HashSet<>(outputs.names()))) {
            return outputs.read(result, rows, classLabels);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static int missing(Column column) {
        if (column instanceof NumericColumn numeric) {
            return (int) IntStream.range(0, numeric.size())
                    .filter(r -> numeric.isNull(r) || Double.isNaN(numeric.getDouble(r))).count();
        }
        return column.nullCount();
    }

    private static PredictedRow failed(int row, String problem) {
        return new PredictedRow(row, Optional.empty(), OptionalDouble.empty(), Map.of(), Optional.of(problem));
    }

    private interface NodeInfos {
        Map<String, NodeInfo> get() throws OrtException;
    }

    private Map<String, String> describe(NodeInfos nodes) {
        try {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            nodes.get().forEach((name, node) -> out.put(name, String.valueOf(node.getInfo())));
            return out;
        } catch (OrtException e) {
            throw new MlopsException("Cannot read the graph of " + source + ": " + e.getMessage(), e);
        }
    }

    /** Frees the ONNX Runtime session; the model cannot score afterwards. */
    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to free
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + source + ", " + task() + ", inputs " + inputs.schema().columnNames() + "]";
    }
}
