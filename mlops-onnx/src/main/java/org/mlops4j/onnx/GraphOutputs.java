package org.mlops4j.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.core.MlopsException;
import org.mlops4j.models.PredictedRow;

/**
 * Which of an ONNX graph's outputs hold the label, the class probabilities or the predicted value, and how a run's
 * result becomes one {@link PredictedRow} per row. The probabilities are either a float tensor {@code [N, classes]}
 * or {@code ZipMap}'s sequence of maps (class label to probability), the output skl2onnx emits by default.
 *
 * <p>Immutable and thread-safe.
 */
final class GraphOutputs {

    private final Optional<String> label;
    private final Optional<String> probabilities;
    private final boolean zipMap;
    private final Optional<String> value;

    private GraphOutputs(Optional<String> label, Optional<String> probabilities, boolean zipMap,
            Optional<String> value) {
        this.label = label;
        this.probabilities = probabilities;
        this.zipMap = zipMap;
        this.value = value;
    }

    /**
     * @param outputs    the session's outputs
     * @param classifier whether the graph has class labels (else it is a regressor)
     * @param source     the model's file, for messages
     * @return the outputs to read
     * @throws MlopsException when no output gives a label, probabilities or a value
     */
    static GraphOutputs of(Map<String, NodeInfo> outputs, boolean classifier, String source) {
        Optional<String> label = Optional.empty();
        Optional<String> probabilities = Optional.empty();
        Optional<String> value = Optional.empty();
        boolean zipMap = false;
        for (NodeInfo node : outputs.values()) {
            if (node.getInfo() instanceof SequenceInfo sequence && sequence.isSequenceOfMaps()
                    && probabilities.isEmpty()) {
                probabilities = Optional.of(node.getName());
                zipMap = true;
            } else if (node.getInfo() instanceof TensorInfo tensor) {
                boolean labels = tensor.type == OnnxJavaType.INT64 || tensor.type == OnnxJavaType.STRING;
                if (classifier && labels && label.isEmpty()) {
                    label = Optional.of(node.getName());
                } else if (classifier && tensor.type == OnnxJavaType.FLOAT && probabilities.isEmpty()) {
                    probabilities = Optional.of(node.getName());
                } else if (!classifier && !labels && value.isEmpty()) {
                    value = Optional.of(node.getName());
                }
            }
        }
        if (classifier ? label.isEmpty() && probabilities.isEmpty() : value.isEmpty()) {
            throw new MlopsException("The ONNX model " + source + " has the outputs " + outputs.values() + "; a "
                    + (classifier ? "classifier needs a label tensor (int64 or string) or probabilities (a float"
                    + " tensor [N, classes] or ZipMap's sequence of maps)" : "regressor needs a float tensor"));
        }
        return new GraphOutputs(label, probabilities, zipMap, value);
    }

    /** @return the names of the outputs read, to ask ONNX Runtime for those only */
    List<String> names() {
        List<String> names = new ArrayList<>();
        label.ifPresent(names::add);
        probabilities.ifPresent(names::add);
        value.ifPresent(names::add);
        return names;
    }

    /**
     * @param result      a run's result
     * @param rows        the table rows the run scored, in order
     * @param classLabels the class labels, in the probability columns' order (empty for a regressor)
     * @return one prediction per scored row
     * @throws OrtException when an output cannot be read
     */
    List<PredictedRow> read(OrtSession.Result result, int[] rows, List<String> classLabels) throws OrtException {
        List<PredictedRow> out = new ArrayList<>(rows.length);
        if (classLabels.isEmpty()) {
            Object values = result.get(value.orElseThrow()).orElseThrow().getValue();
            for (int r = 0; r < rows.length; r++) {
                double v = number(values, r);
                out.add(Double.isFinite(v) ? new PredictedRow(rows[r], Optional.empty(), OptionalDouble.of(v),
                        Map.of(), Optional.empty()) : failed(rows[r], "predicted " + v));
            }
            return out;
        }
        String[] labels = label.isPresent() ? texts(result.get(label.get()).orElseThrow().getValue(), rows.length)
                : null;
        List<Map<String, Double>> probs = probabilities.isPresent()
                ? probabilities(result.get(probabilities.get()).orElseThrow(), rows.length, classLabels)
                : List.of();
        for (int r = 0; r < rows.length; r++) {
            Map<String, Double> p = probs.isEmpty() ? Map.of() : probs.get(r);
            String predicted = labels != null ? labels[r] : argmax(p);
            if (!finite(p)) {
                out.add(failed(rows[r], "the graph gave the probabilities " + p));
                continue;
            }
            OptionalDouble score = p.containsKey(predicted) ? OptionalDouble.of(p.get(predicted))
                    : OptionalDouble.empty();
            out.add(new PredictedRow(rows[r], Optional.of(predicted), score, p, Optional.empty()));
        }
        return out;
    }

    private List<Map<String, Double>> probabilities(OnnxValue output, int rows, List<String> classLabels)
            throws OrtException {
        List<Map<String, Double>> out = new ArrayList<>(rows);
        if (zipMap) {
            List<Object> keys = zipMapKeys((OnnxSequence) output, classLabels);
            for (OnnxValue element : ((OnnxSequence) output).getValue()) {
                Map<?, ?> map = ((OnnxMap) element).getValue();
                Map<String, Double> ordered = new LinkedHashMap<>();
                for (int c = 0; c < classLabels.size(); c++) {
                    Object value = map.get(keys.get(c));
                    ordered.put(classLabels.get(c), value == null ? 0.0 : ((Number) value).doubleValue());
                }
                out.add(ordered);
            }
            return out;
        }
        float[][] matrix = (float[][]) output.getValue();
        for (float[] values : matrix) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int c = 0; c < classLabels.size() && c < values.length; c++) {
                row.put(classLabels.get(c), (double) values[c]);
            }
            out.add(row);
        }
        return out;
    }

    /** ZipMap's keys are int64 or string as the class labels were: the map is looked up with keys of its type. */
    private static List<Object> zipMapKeys(OnnxSequence output, List<String> classLabels) {
        boolean numeric = output.getInfo().mapInfo.keyType == OnnxJavaType.INT64;
        return classLabels.stream().map(c -> numeric ? (Object) Long.valueOf(c) : c).toList();
    }

    /** The label tensor as text: int64 or string, shaped [N] or [N, 1]. */
    private static String[] texts(Object labels, int rows) {
        if (labels instanceof String[] strings) {
            return strings;
        }
        String[] out = new String[rows];
        if (labels instanceof long[] longs) {
            for (int r = 0; r < rows; r++) {
                out[r] = Long.toString(longs[r]);
            }
            return out;
        }
        for (int r = 0; r < rows; r++) {
            Object element = Array.get(labels, r);
            out[r] = String.valueOf(element.getClass().isArray() ? Array.get(element, 0) : element);
        }
        return out;
    }

    private static double number(Object values, int row) {
        Object element = Array.get(values, row);
        return ((Number) (element.getClass().isArray() ? Array.get(element, 0) : element)).doubleValue();
    }

    private static boolean finite(Map<String, Double> probabilities) {
        for (double p : probabilities.values()) {
            if (!Double.isFinite(p)) {
                return false;
            }
        }
        return true;
    }

    private static String argmax(Map<String, Double> probabilities) {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
    }

    private static PredictedRow failed(int row, String problem) {
        return new PredictedRow(row, Optional.empty(), OptionalDouble.empty(), Map.of(),
                Optional.of("row " + row + ": " + problem));
    }
}
