package org.mlops4j.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a classifier's class labels in an ONNX graph: the {@code classlabels_*} attribute of the last node that has
 * one ({@code ZipMap}, {@code LinearClassifier}, {@code TreeEnsembleClassifier}, {@code SVMClassifier}), in the
 * order of the probability columns. ONNX Runtime's Java API does not expose node attributes, so this reads the
 * protobuf wire format of the few fields on the way ({@code ModelProto.graph = 7}, {@code GraphProto.node = 1},
 * {@code NodeProto.op_type = 4}, {@code NodeProto.attribute = 5}, {@code AttributeProto.name = 1, ints = 8,
 * strings = 9}) and skips every other field.
 */
final class ClassLabels {

    private static final Set<String> ATTRIBUTES = Set.of("classlabels_int64s", "classlabels_ints",
            "classlabels_strings");

    private ClassLabels() {
    }

    /**
     * @param model the bytes of an ONNX model
     * @return the class labels as text (integers in decimal), or empty for a graph without a classifier node
     * @throws IllegalArgumentException when the bytes are not a protobuf message
     */
    static Optional<List<String>> of(byte[] model) {
        Optional<List<String>> found = Optional.empty();
        Wire top = new Wire(model, 0, model.length);
        while (top.more()) {
            int tag = top.varintInt();
            if (tag == (7 << 3 | 2)) {
                Wire graph = top.message();
                while (graph.more()) {
                    int graphTag = graph.varintInt();
                    if (graphTag == (1 << 3 | 2)) {
                        Optional<List<String>> labels = nodeLabels(graph.message());
                        found = labels.isPresent() ? labels : found;
                    } else {
                        graph.skip(graphTag);
                    }
                }
            } else {
                top.skip(tag);
            }
        }
        return found;
    }

    private static Optional<List<String>> nodeLabels(Wire node) {
        Optional<List<String>> labels = Optional.empty();
        while (node.more()) {
            int tag = node.varintInt();
            if (tag == (5 << 3 | 2)) {
                Optional<List<String>> attribute = attributeLabels(node.message());
                labels = attribute.isPresent() ? attribute : labels;
            } else {
                node.skip(tag);
            }
        }
        return labels;
    }

    private static Optional<List<String>> attributeLabels(Wire attribute) {
        String name = "";
        List<String> values = new ArrayList<>();
        while (attribute.more()) {
            int tag = attribute.varintInt();
            switch (tag) {
                case 1 << 3 | 2 -> name = attribute.text();
                case 8 << 3 -> values.add(Long.toString(attribute.varint()));
                case 8 << 3 | 2 -> {
                    Wire packed = attribute.message();
                    while (packed.more()) {
                        values.add(Long.toString(packed.varint()));
                    }
                }
                case 9 << 3 | 2 -> values.add(attribute.text());
                default -> attribute.skip(tag);
            }
        }
        return ATTRIBUTES.contains(name) && !values.isEmpty() ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    /** A window on protobuf bytes. */
    private static final class Wire {

        private final byte[] bytes;
        private final int end;
        private int at;

        Wire(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("truncated varint at byte " + at);
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint before byte " + at);
        }

        int varintInt() {
            return (int) varint();
        }

        Wire message() {
            int length = varintInt();
            if (length < 0 || at + length > end) {
                throw new IllegalArgumentException("a field of " + length + " bytes at byte " + at
                        + " runs past its message's end (" + end + ")");
            }
            Wire inner = new Wire(bytes, at, at + length);
            at += length;
            return inner;
        }

        String text() {
            Wire field = message();
            return new String(bytes, field.at, field.end - field.at, StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> message();
                case 5 -> at += 4;
                default -> throw new IllegalArgumentException("unknown wire type " + (tag & 7) + " at byte " + at);
            }
        }
    }
}
