package org.mlops4j.models;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ONNXExportable;

/**
 * Exports a {@link TrainedModel} to ONNX where Tribuo can: the families whose Tribuo model is
 * {@link ONNXExportable} ({@code lr} and {@code sgd_lr} for both tasks, {@code svm}, {@code liblinear}, {@code fm}).
 * Tree ensembles ({@code dt}, {@code rf}, {@code et}: mlops4j's own compact trees; {@code tribuo_dt},
 * {@code tribuo_rf}, {@code tribuo_et}), {@code xgboost}, {@code nb}, {@code knn} and {@code dummy} cannot be
 * exported: Tribuo 4.3 writes no graph for them.
 *
 * <p>The graph takes what Tribuo's model takes: one float tensor {@code input [N, features]} of the encoded features
 * (one-hot levels, imputed and scaled numbers) in the order of {@link Exported#featureSchema()}; the encoder itself is
 * not in the graph, and {@link #encode} gives those columns for a table. A classifier's probabilities get a
 * {@code ZipMap} (output {@code output_probability}, the class labels as keys) as skl2onnx emits, so that any ONNX
 * runtime, and mlops4j's {@code onnx} flavor, reads the classes from the graph. Stateless.
 */
public final class OnnxExport {

    /** The domain written into exported graphs. */
    public static final String DOMAIN = "org.mlops4j";

    /**
     * An exported model.
     *
     * @param graph         the ONNX model's bytes
     * @param featureSchema the encoded feature columns, in the order of the graph's input tensor
     */
    public record Exported(byte[] graph, Schema featureSchema) {
    }

    private OnnxExport() {
    }

    /**
     * @param model a trained model
     * @return whether its family can be exported
     */
    public static boolean supports(TrainedModel model) {
        return model.tribuoModel() instanceof ONNXExportable;
    }

    /**
     * @param model a model of a linear family
     * @return its graph and the encoded feature columns it takes
     * @throws MlopsException naming the family, and those that can be exported, when it cannot be
     */
    public static Exported export(TrainedModel model) {
        if (!(model.tribuoModel() instanceof ONNXExportable exportable)) {
            throw new MlopsException("Family '" + model.family() + "' cannot be exported to ONNX: Tribuo writes graphs "
                    + "for the linear families only (lr, sgd_lr, svm, liblinear, fm); trees, xgboost, nb, knn and "
                    + "dummy have none. Train one of those to serve the model outside mlops4j.");
        }
        OnnxMl.ModelProto proto = exportable.exportONNXModel(DOMAIN, 1);
        if (model.task() == TaskType.CLASSIFICATION && model.probabilistic()) {
            proto = withZipMap(proto, labelsById(model));
        }
        return new Exported(proto.toByteArray(), featureSchema(model));
    }

    /**
     * @param model a model of a linear family
     * @param table rows with the model's input columns
     * @return the rows encoded as the exported graph takes them: one numeric column per feature, in its order
     *         (a row the encoder refuses is all zeros; score such rows with the model's own predictor)
     */
    public static Table encode(TrainedModel model, Table table) {
        EncodedRows rows = model.encoder().encode(table, model.scaling());
        List<String> features = featureSchema(model).columnNames();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            index.put(features.get(i), i);
        }
        double[][] columns = new double[features.size()][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            if (rows.error(row).isPresent()) {
                continue;
            }
            String[] names = rows.featureNames(row);
            double[] values = rows.values(row);
            for (int f = 0; f < names.length; f++) {
                Integer column = index.get(names[f]);
                if (column != null) {
                    columns[column][row] = values[f];
                }
            }
        }
        List<NumericColumn> out = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            out.add(NumericColumn.of(features.get(i), columns[i]));
        }
        return Table.of(out);
    }

    private static Schema featureSchema(TrainedModel model) {
        ImmutableFeatureMap map = model.tribuoModel().getFeatureIDMap();
        Schema.Builder schema = Schema.builder();
        for (int id = 0; id < map.size(); id++) {
            schema.column(map.get(id).getName(), ColumnType.NUMERIC);
        }
        return schema.build();
    }

    /** Adds ZipMap(classlabels_strings) over the probability output, as skl2onnx's default output. */
    private static OnnxMl.ModelProto withZipMap(OnnxMl.ModelProto proto, List<String> classLabels) {
        OnnxMl.ModelProto.Builder builder = proto.toBuilder();
        OnnxMl.GraphProto.Builder graph = builder.getGraphBuilder();
        String probabilities = graph.getOutput(0).getName();
        List<String> ordered = classLabels;
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("ZipMap").setDomain("ai.onnx.ml")
                .setName("mlops4j_zipmap").addInput(probabilities).addOutput("output_probability")
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("classlabels_strings")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                        .addAllStrings(ordered.stream().map(com.google.protobuf.ByteString::copyFromUtf8).toList())));
        OnnxMl.TypeProto.Builder map = OnnxMl.TypeProto.newBuilder();
        map.getMapTypeBuilder().setKeyType(OnnxMl.TensorProto.DataType.STRING.getNumber())
                .getValueTypeBuilder().getTensorTypeBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        OnnxMl.TypeProto.Builder sequence = OnnxMl.TypeProto.newBuilder();
        sequence.getSequenceTypeBuilder().setElemType(map);
        graph.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("output_probability").setType(sequence));
        if (builder.getOpsetImportList().stream().noneMatch(o -> o.getDomain().equals("ai.onnx.ml"))) {
            builder.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1));
        }
        return builder.build();
    }

    /** @return the class labels in the order of Tribuo's output ids: the order of the graph's probability columns */
    private static List<String> labelsById(TrainedModel model) {
        org.tribuo.ImmutableOutputInfo<?> outputs = model.tribuoModel().getOutputIDInfo();
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < outputs.size(); id++) {
            labels.add(((org.tribuo.classification.Label) outputs.getOutput(id)).getLabel());
        }
        return labels;
    }
}
