package org.mlops4j.models.internal.tree;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Tribuo;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
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
 * <p>Turns a {@link FlatTree} into a genuine Tribuo {@link TreeModel} of {@link SplitNode}s and {@link LeafNode}s
 * built with their public constructors. {@code TreeModel}'s own constructor is package-private in Tribuo 4.3.2. The
 * public route is to write the tree as the protobuf that Tribuo itself reads ({@link TreeModelProto}) and build it
 * with the public {@link TreeModel#deserializeFromProto} ({@link #viaProtobuf}); it is kept, and used whenever the
 * other route is not available, but it costs about 1.5 ms per tree (every tree re-reads its provenance and feature
 * domain and every leaf output goes through reflective protobuf deserialisation), i.e. 0.15 s for a 100-tree forest,
 * more than scikit-learn's whole fit on small data. So the model is made by that package-private constructor, found
 * once through reflection ({@link #viaConstructor}): the same object the protobuf route gives (a test checks that
 * both give equal trees and predictions), at the cost of the nodes' allocation only.
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

    /** TreeModel(String, ModelProvenance, ImmutableFeatureMap, ImmutableOutputInfo, boolean, Node), if reachable. */
    private static final MethodHandle CONSTRUCTOR = findConstructor();

    private TribuoTrees() {
    }

    private static MethodHandle findConstructor() {
        try {
            Constructor<?> constructor = TreeModel.class.getDeclaredConstructor(String.class, ModelProvenance.class,
                    ImmutableFeatureMap.class, ImmutableOutputInfo.class, boolean.class, Node.class);
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param name          the model name
     * @param provenance    its provenance
     * @param features      the feature domain
     * @param outputs       the output domain
     * @param tree          the tree
     * @param leaves        how leaves become Tribuo outputs
     * @param probabilities whether leaf scores are probabilities
     * @param <T>           the output type
     * @return the Tribuo model
     */
    static <T extends Output<T>> TreeModel<T> treeModel(String name, ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, FlatTree tree, LeafOutputs<T> leaves,
            boolean probabilities) {
        if (CONSTRUCTOR != null) {
            return viaConstructor(name, provenance, features, outputs, tree, leaves, probabilities);
        }
        return viaProtobuf(metadata(name, provenance, features, outputs, probabilities), tree, leaves, probabilities);
    }

    /**
     * The fast route: {@code TreeModel}'s package-private constructor on nodes made by their public constructors.
     *
     * @param name          the model name
     * @param provenance    its provenance
     * @param features      the feature domain
     * @param outputs       the output domain
     * @param tree          the tree
     * @param leaves        how leaves become Tribuo outputs
     * @param probabilities whether leaf scores are probabilities
     * @param <T>           the output type
     * @return the Tribuo model
     * @throws IllegalStateException when the constructor is not reachable
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> TreeModel<T> viaConstructor(String name, ModelProvenance provenance,
            ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, FlatTree tree, LeafOutputs<T> leaves,
            boolean probabilities) {
        if (CONSTRUCTOR == null) {
            throw new IllegalStateException("TreeModel's constructor is not reachable here");
        }
        List<Node<T>> nodes = new ArrayList<>(Collections.nCopies(tree.size(), null));
        for (int n = tree.size() - 1; n >= 0; n--) { // children come after their parent
            nodes.set(n, tree.isLeaf(n)
                    ? new LeafNode<>(tree.impurity(n), leaves.output(tree, n), leaves.scores(tree, n), probabilities)
                    : new SplitNode<>(tree.threshold(n), tree.feature(n), tree.impurity(n),
                            nodes.get(tree.greater(n)), nodes.get(tree.lessOrEqual(n))));
        }
        try {
            return (TreeModel<T>) CONSTRUCTOR.invoke(name, provenance, features, outputs, probabilities,
                    nodes.get(0));
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot construct a Tribuo TreeModel: " + e, e);
        }
    }

    /**
     * The public route: the tree written as Tribuo's protobuf and read back by {@link TreeModel#deserializeFromProto}.
     *
     * @param metadata      the model's name, provenance, domains and whether it gives probabilities, serialised
     * @param tree          the tree
     * @param leaves        how leaves become Tribuo outputs
     * @param probabilities whether leaf scores are probabilities
     * @param <T>           the output type
     * @return the Tribuo model
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> TreeModel<T> viaProtobuf(ModelDataProto metadata, FlatTree tree, LeafOutputs<T> leaves,
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
