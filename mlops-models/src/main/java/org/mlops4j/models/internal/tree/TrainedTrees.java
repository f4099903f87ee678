package org.mlops4j.models.internal.tree;

import org.tribuo.Model;
import org.tribuo.Output;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>What a {@link TreeTrainer} trains: the genuine Tribuo model, and the same trees in compact form for fast scoring.
 *
 * @param model   a {@code TreeModel} (one tree) or a {@code WeightedEnsembleModel} of them
 * @param compact the same trees as flat arrays
 * @param <T>     the output type
 */
public record TrainedTrees<T extends Output<T>>(Model<T> model, TreeEnsemble compact) {
}
