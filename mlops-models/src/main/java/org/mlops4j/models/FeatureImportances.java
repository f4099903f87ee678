package org.mlops4j.models;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.models.internal.bayes.GaussianNaiveBayesModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.classification.mnb.MultinomialNaiveBayesModel;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Reads a Tribuo model's feature importances ({@code Model.getTopFeatures(-1)}: every feature, per output) and
 * maps the encoded features back to the input columns they were made from. Features the encoder does not know (such
 * as a bias term) are left out.
 */
final class FeatureImportances {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureImportances.class);

    private FeatureImportances() {
    }

    /**
     * @param model   the Tribuo model
     * @param encoder the encoder that made its features
     * @return one entry per input column with a non-zero importance, most important first; empty when the model
     *         offers no importances (nearest neighbours, baselines)
     */
    static List<FeatureImportance> of(Model<?> model, FeatureEncoder encoder) {
        if (model instanceof MultinomialNaiveBayesModel || model instanceof GaussianNaiveBayesModel) {
            return List.of(); // their top features are per-class likelihood terms, not importances
        }
        Map<String, List<Pair<String, Double>>> top;
        try {
            top = model.getTopFeatures(-1);
        } catch (RuntimeException e) {
            LOG.debug("Model {} gives no feature importances: {}", model.getClass().getSimpleName(), e.toString());
            return List.of();
        }
        Map<String, String> columnOf = columnsByFeature(encoder);
        Map<String, Double> sums = new HashMap<>();
        int outputs = 0;
        for (List<Pair<String, Double>> perOutput : top.values()) {
            outputs++;
            for (Pair<String, Double> p : perOutput) {
                if (columnOf.containsKey(p.getA()) && Double.isFinite(p.getB())) {
                    sums.merge(p.getA(), Math.abs(p.getB()), Double::sum);
                }
            }
        }
        Map<String, Map<String, Double>> byColumn = new LinkedHashMap<>();
        final int outputCount = Math.max(1, outputs);
        sums.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .filter(e -> e.getValue() > 0)
                .forEach(e -> byColumn.computeIfAbsent(columnOf.get(e.getKey()), c -> new LinkedHashMap<>())
                        .put(e.getKey(), e.getValue() / outputCount));
        List<FeatureImportance> out = new ArrayList<>();
        byColumn.forEach((column, features) -> out.add(new FeatureImportance(column,
                features.values().stream().mapToDouble(Double::doubleValue).sum(), features)));
        out.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed()
                .thenComparing(FeatureImportance::inputColumn));
        return out;
    }

    private static Map<String, String> columnsByFeature(FeatureEncoder encoder) {
        Map<String, String> out = new HashMap<>();
        for (FeatureEncoder.ColumnEncoding c : encoder.columns()) {
            if (c.kind() == ColumnType.CATEGORICAL) {
                c.levels().forEach(level -> out.put(c.column() + "=" + level, c.column()));
            } else {
                out.put(c.column(), c.column());
            }
        }
        return out;
    }
}
