package org.mlops4j.core.model.internal.tree;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Tribuo;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.tree.protos.LeafNodeProto;
import org.tribuo.common.tree.protos.SplitNodeProto;
import org.tribuo.common.tree.protos.TreeModelProto;
import org.tribuo.common.tree.protos.TreeNodeProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Turns a {@link FlatTree} into a genuine Tribuo {@link TreeModel} of {@link SplitNode}s and {@link LeafNode}s.
 * {@code TreeModel}'s constructor is package-private in Tribuo 4.3.2, so the tree is written as the protobuf that
 * Tribuo itself reads ({@link TreeModelProto}) and built by the public {@link TreeModel#deserializeFromProto}; the
 * model is thus exactly what Tribuo would load from a file, and saves and loads like any other.
 */
final class TribuoTrees {

    /**
     * A leaf's Tribuo prediction.
     *
     * @param <T> the output type
     */
    interface LeafOutputs<T extends Output<T>> {

        /** @param tree a tree @param node a leaf @return the leaf's output */
        T output(FlatTree tree, int node);

        /** @param tree a tree @param node a leaf @return the leaf's scores by output name (may be empty) */
        Map<String, T> scores(FlatTree tree, int node);
    }

    private TribuoTrees() {
    }

    /**
     * @param metadata      the model's name, provenance, domains and whether it gives probabilities, serialised once
     *                      and shared by the members of an ensemble
     * @param tree          the tree
     * @param leaves        how leaves become Tribuo outputs
     * @param probabilities whether leaf scores are probabilities
     * @param <T>           the output type
     * @return the Tribuo model
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> TreeModel<T> treeModel(ModelDataProto metadata, FlatTree tree, LeafOutputs<T> leaves,
            boolean probabilities) {
        int[] parent = new int[tree.size()];
        parent[0] = -1;
        TreeModelProto.Builder model = TreeModelProto.newBuilder().setMetadata(metadata);
        for (int n = 0; n < tree.size(); n++) {
            TreeNodeProto.Builder node = TreeNodeProto.newBuilder();
            if (tree.isLeaf(n)) {
                LeafNodeProto.Builder leaf = LeafNodeProto.newBuilder().setParentIdx(parent[n]).setCurIdx(n)
                        .setImpurity(tree.impurity(n)).setOutput(leaves.output(tree, n).serialize())
                        .setGeneratesProbabilities(probabilities);
                leaves.scores(tree, n).forEach((name, score) -> leaf.putScore(name, score.serialize()));
                node.setVersion(LeafNode.CURRENT_VERSION).setClassName(LeafNode.class.getName())
                        .setSerializedData(Any.pack(leaf.build()));
            } else {
                parent[tree.lessOrEqual(n)] = n;
                parent[tree.greater(n)] = n;
                SplitNodeProto split = SplitNodeProto.newBuilder().setParentIdx(parent[n]).setCurIdx(n)
                        .setGreaterThanIdx(tree.greater(n)).setLessThanOrEqualIdx(tree.lessOrEqual(n))
                        .setSplitFeatureIdx(tree.feature(n)).setSplitValue(tree.threshold(n))
                        .setImpurity(tree.impurity(n)).build();
                node.setVersion(SplitNode.CURRENT_VERSION).setClassName(SplitNode.class.getName())
                        .setSerializedData(Any.pack(split));
            }
            model.addNodes(node.build());
        }
        try {
            return (TreeModel<T>) TreeModel.deserializeFromProto(TreeModel.CURRENT_VERSION, TreeModel.class.getName(),
                    Any.pack(model.build()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo rejected a tree written in its own format: " + e, e);
        }
    }

    /**
     * @param name          the model name
     * @param provenance    its provenance
     * @param features      the feature domain
     * @param outputs       the output domain
     * @param probabilities whether it gives probabilities
     * @param <T>           the output type
     * @return the serialised metadata of a tree model
     */
    static <T extends Output<T>> ModelDataProto metadata(String name, ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, boolean probabilities) {
        return new ModelDataCarrier<>(name, provenance, features, outputs, probabilities, Tribuo.VERSION).serialize();
    }
}
