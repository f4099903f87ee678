package org.mlops4j.examples.leadscoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How generated leads get their source levels and their labels.
 *
 * <p>Source levels: the three source columns are drawn together through a Gaussian copula, since one marketing
 * channel fixes all three: a shared normal {@code Z} and, per column, {@code Z_f = ρ Z + sqrt(1 - ρ²) ε_f}; the
 * column's mapped level is the one whose slice of the normal distribution {@code Z_f} falls into, with the levels
 * ordered by their share of class 1 and slices as wide as their shares. Each column keeps its distribution exactly,
 * and levels with a high share of class 1 tend to occur together.
 *
 * <p>Labels: {@code logit P(y = 1 | x) = b + α Σ_f (logit r_f(x_f) - mean_f)}, where {@code r_f(level)} is the
 * published share of class 1 per level of feature {@code f} (city tier, referral, leads dropped, the three mapped
 * source levels), {@code mean_f} its average over the base distribution, and {@code α} shrinks the published
 * (marginal) effects because the features share information. {@code ρ} and {@code α} are set so that the AUC of the
 * true probabilities is about 0.81 (the case study's best model reaches 0.82); {@code b} is solved exactly, by
 * enumerating every combination of mapped features, so that the expected share of class 1 is the one asked for.
 * Immutable and thread-safe.
 */
final class LabelModel {

    /** Correlation of the latent normals of the three source columns. */
    static final double RHO = 0.7;
    /** Shrinkage of the published per-level log-odds. */
    static final double ALPHA = 0.69;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final int GRID = 801;
    private static final double GRID_LIMIT = 8;

    /** Per source column: mapped levels in copula order, their thresholds on Z_f, their effects. */
    record SourceColumn(String name, List<String> levels, double[] thresholds, double[] effects) {
        int levelOf(double latent) {
            for (int k = 0; k < thresholds.length; k++) {
                if (latent <= thresholds[k]) {
                    return k;
                }
            }
            return levels.size() - 1;
        }
    }

    private final List<SourceColumn> sources;
    private final double[] tierEffects;
    private final double[] referredEffects;
    private final double[] leadsEffects;
    private final double intercept;

    private LabelModel(List<SourceColumn> sources, double[] tierEffects, double[] referredEffects,
                       double[] leadsEffects, double intercept) {
        this.sources = sources;
        this.tierEffects = tierEffects;
        this.referredEffects = referredEffects;
        this.leadsEffects = leadsEffects;
        this.intercept = intercept;
    }

    /**
     * @param baseMapped     the base distribution of each source column's mapped levels (centres the effects)
     * @param drawnMapped    the distribution the generator draws from (drifted or not), same levels
     * @param baseTiers      base shares of tiers 1, 2, 3
     * @param baseReferred   base shares of referral 0, 1 (null counted as 0)
     * @param baseLeads      base shares of leads dropped 0, 1, 2, 3, 4, 5+ (null counted as 0)
     * @param drawnTiers     drawn shares of tiers
     * @param drawnReferred  drawn shares of referral
     * @param drawnLeads     drawn shares of leads dropped
     * @param positiveShare  the expected share of class 1 under the drawn distribution
     */
    static LabelModel fit(Map<String, Map<String, Double>> baseMapped, Map<String, Map<String, Double>> drawnMapped,
                          double[] baseTiers, double[] baseReferred, double[] baseLeads, double[] drawnTiers,
                          double[] drawnReferred, double[] drawnLeads, double positiveShare) {
        List<SourceColumn> sources = new ArrayList<>();
        for (String column : LeadDistributions.SOURCE_COLUMNS) {
            List<String> levels = new ArrayList<>(baseMapped.get(column).keySet());
            levels.sort(Comparator.comparingDouble(level -> LeadDistributions.positiveRate(column, level)));
            double[] base = levels.stream().mapToDouble(l -> baseMapped.get(column).get(l)).toArray();
            double[] rates = levels.stream().mapToDouble(l -> LeadDistributions.positiveRate(column, l)).toArray();
            double[] drawn = levels.stream().mapToDouble(l -> drawnMapped.get(column).getOrDefault(l, 0.0))
                    .toArray();
            sources.add(new SourceColumn(column, List.copyOf(levels), thresholds(drawn), effects(rates, base)));
        }
        double[] tier = effects(LeadDistributions.TIER_RATES, baseTiers);
        double[] referred = effects(LeadDistributions.REFERRED_RATES, baseReferred);
        double[] leads = effects(LeadDistributions.LEADS_RATES, baseLeads);
        LabelModel unsolved = new LabelModel(sources, tier, referred, leads, 0);
        double b = unsolved.solveIntercept(drawnTiers, drawnReferred, drawnLeads, positiveShare);
        return new LabelModel(sources, tier, referred, leads, b);
    }

    /** @return the intercept {@code b} */
    double intercept() {
        return intercept;
    }

    /**
     * @param b another intercept
     * @return this model with that intercept
     */
    LabelModel withIntercept(double b) {
        return new LabelModel(sources, tierEffects, referredEffects, leadsEffects, b);
    }

    List<SourceColumn> sources() {
        return sources;
    }

    /**
     * @param tier      city tier index (0 for tier 1)
     * @param referred  referral index (0 or 1)
     * @param leads     leads-dropped bin (0 to 5)
     * @param levels    the mapped level index of each source column, in {@link LeadDistributions#SOURCE_COLUMNS}
     *                  order
     * @return the probability of class 1
     */
    double probability(int tier, int referred, int leads, int[] levels) {
        double eta = intercept + tierEffects[tier] + referredEffects[referred] + leadsEffects[leads];
        for (int f = 0; f < levels.length; f++) {
            eta += sources.get(f).effects()[levels[f]];
        }
        return sigmoid(eta);
    }

    private static double[] effects(double[] rates, double[] shares) {
        double mean = 0;
        double total = Arrays.stream(shares).sum();
        for (int i = 0; i < rates.length; i++) {
            mean += shares[i] / total * logit(rates[i]);
        }
        double[] out = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            out[i] = ALPHA * (logit(rates[i]) - mean);
        }
        return out;
    }

    private static double[] thresholds(double[] shares) {
        double total = Arrays.stream(shares).sum();
        double[] out = new double[shares.length - 1];
        double cumulative = 0;
        for (int k = 0; k < out.length; k++) {
            cumulative += shares[k] / total;
            out[k] = cumulative <= 0 ? Double.NEGATIVE_INFINITY
                    : cumulative >= 1 ? Double.POSITIVE_INFINITY : NORMAL.inverseCumulativeProbability(cumulative);
        }
        return out;
    }

    /** The joint distribution of the three mapped source levels under the copula, by integrating over Z. */
    double[][][] sourceJoint() {
        double s = Math.sqrt(1 - RHO * RHO);
        double[][][] joint = new double[sources.get(0).levels().size()][sources.get(1).levels().size()][
                sources.get(2).levels().size()];
        double weightSum = 0;
        double[] weights = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            double z = -GRID_LIMIT + 2 * GRID_LIMIT * g / (GRID - 1);
            weights[g] = NORMAL.density(z);
            weightSum += weights[g];
        }
        for (int g = 0; g < GRID; g++) {
            double z = -GRID_LIMIT + 2 * GRID_LIMIT * g / (GRID - 1);
            double[][] conditional = new double[3][];
            for (int f = 0; f < 3; f++) {
                double[] t = sources.get(f).thresholds();
                double[] p = new double[t.length + 1];
                double previous = 0;
                for (int k = 0; k < t.length; k++) {
                    double cdf = NORMAL.cumulativeProbability((t[k] - RHO * z) / s);
                    p[k] = cdf - previous;
                    previous = cdf;
                }
                p[t.length] = 1 - previous;
                conditional[f] = p;
            }
            double w = weights[g] / weightSum;
            for (int i = 0; i < conditional[0].length; i++) {
                double wi = w * conditional[0][i];
                for (int j = 0; j < conditional[1].length; j++) {
                    double wij = wi * conditional[1][j];
                    for (int k = 0; k < conditional[2].length; k++) {
                        joint[i][j][k] += wij * conditional[2][k];
                    }
                }
            }
        }
        return joint;
    }

    /** The expected share of class 1 over every combination of mapped features, weighted by its probability. */
    double expectedPositiveShare(double[] tiers, double[] referred, double[] leads) {
        return expectedShare(cells(tiers, referred, leads), intercept);
    }

    private double solveIntercept(double[] tiers, double[] referred, double[] leads, double target) {
        double[][] cells = cells(tiers, referred, leads);
        double low = -20;
        double high = 20;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (expectedShare(cells, mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** Every combination as {weight, linear predictor without intercept}. */
    private double[][] cells(double[] tiers, double[] referred, double[] leads) {
        double[][][] joint = sourceJoint();
        List<double[]> out = new ArrayList<>();
        double tierSum = Arrays.stream(tiers).sum();
        double referredSum = Arrays.stream(referred).sum();
        double leadsSum = Arrays.stream(leads).sum();
        for (int t = 0; t < tiers.length; t++) {
            for (int r = 0; r < referred.length; r++) {
                for (int l = 0; l < leads.length; l++) {
                    double w = tiers[t] / tierSum * referred[r] / referredSum * leads[l] / leadsSum;
                    double eta = tierEffects[t] + referredEffects[r] + leadsEffects[l];
                    for (int i = 0; i < joint.length; i++) {
                        for (int j = 0; j < joint[i].length; j++) {
                            for (int k = 0; k < joint[i][j].length; k++) {
                                double weight = w * joint[i][j][k];
                                if (weight > 0) {
                                    out.add(new double[] {weight, eta + sources.get(0).effects()[i]
                                            + sources.get(1).effects()[j] + sources.get(2).effects()[k]});
                                }
                            }
                        }
                    }
                }
            }
        }
        return out.toArray(double[][]::new);
    }

    private static double expectedShare(double[][] cells, double b) {
        double sum = 0;
        double weights = 0;
        for (double[] cell : cells) {
            sum += cell[0] * sigmoid(b + cell[1]);
            weights += cell[0];
        }
        return sum / weights;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
