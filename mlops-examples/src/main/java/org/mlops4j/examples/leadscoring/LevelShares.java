package org.mlops4j.examples.leadscoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.mlops4j.core.ConfigurationException;

/**
 * A discrete distribution over the values of one raw column (a value may be {@code null}), with the drifts of
 * {@link LeadDrift} and sampling by inverse CDF. Immutable.
 */
final class LevelShares {

    private final List<String> values;
    private final double[] shares;
    private final double[] cumulative;

    LevelShares(List<String> values, double[] weights) {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException("values and weights differ in length or are empty");
        }
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        double total = Arrays.stream(weights).sum();
        this.shares = Arrays.stream(weights).map(w -> w / total).toArray();
        this.cumulative = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulative[i] = sum;
        }
        cumulative[shares.length - 1] = 1.0;
    }

    List<String> values() {
        return values;
    }

    double share(int index) {
        return shares[index];
    }

    double shareOf(String value) {
        int index = values.indexOf(value);
        return index < 0 ? 0.0 : shares[index];
    }

    int size() {
        return values.size();
    }

    /** @param u a uniform number in [0, 1) @return the index of the value it picks */
    int sample(double u) {
        int index = Arrays.binarySearch(cumulative, u);
        int found = index >= 0 ? index + 1 : -index - 1;
        return Math.min(found, shares.length - 1);
    }

    /** See {@link LeadDrift.MassMove}. */
    LevelShares moveMass(double percentagePoints) {
        double delta = percentagePoints / 100.0;
        Integer[] bySize = IntStream.range(0, shares.length).boxed().toArray(Integer[]::new);
        Arrays.sort(bySize, Comparator.comparingDouble((Integer i) -> -shares[i]));
        boolean[] donor = new boolean[shares.length];
        double donorMass = 0;
        for (int i : bySize) {
            if (donorMass >= 0.5) {
                break;
            }
            donor[i] = true;
            donorMass += shares[i];
        }
        double receiverMass = 1 - donorMass;
        if (receiverMass <= 0) {
            throw new IllegalArgumentException("A column with a single value cannot drift by moving mass");
        }
        double[] out = new double[shares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = donor[i] ? shares[i] * (1 - delta / donorMass) : shares[i] * (1 + delta / receiverMass);
        }
        return new LevelShares(values, out);
    }

    /**
     * See {@link LeadDrift.TargetShares}.
     *
     * @param targets  the new share per named value or group
     * @param others   the values that the key {@link LeadDrift#OTHERS} stands for; empty when the column has none
     * @param column   the column's name, for messages
     */
    LevelShares withShares(java.util.Map<String, Double> targets, Set<String> others, String column) {
        double[] out = shares.clone();
        boolean[] fixed = new boolean[shares.length];
        double fixedMass = 0;
        for (java.util.Map.Entry<String, Double> target : targets.entrySet()) {
            List<Integer> members = new ArrayList<>();
            if (target.getKey().equals(LeadDrift.OTHERS) && !others.isEmpty()) {
                for (int i = 0; i < values.size(); i++) {
                    if (others.contains(values.get(i))) {
                        members.add(i);
                    }
                }
            } else if (values.contains(target.getKey())) {
                members.add(values.indexOf(target.getKey()));
            }
            if (members.isEmpty()) {
                throw new ConfigurationException("Column " + column + " has no value '" + target.getKey()
                        + "' to set a share for; its values are such as " + values.subList(0,
                        Math.min(8, values.size())) + (others.isEmpty() ? "" : " and " + LeadDrift.OTHERS));
            }
            double old = members.stream().mapToDouble(i -> shares[i]).sum();
            for (int i : members) {
                if (fixed[i]) {
                    throw new ConfigurationException("Column " + column + ": value '" + values.get(i)
                            + "' is given a share twice");
                }
                fixed[i] = true;
                out[i] = old > 0 ? shares[i] / old * target.getValue() : target.getValue() / members.size();
            }
            fixedMass += target.getValue();
        }
        double freeOld = 0;
        for (int i = 0; i < out.length; i++) {
            freeOld += fixed[i] ? 0 : shares[i];
        }
        for (int i = 0; i < out.length; i++) {
            if (!fixed[i]) {
                out[i] = freeOld > 0 ? shares[i] / freeOld * (1 - fixedMass) : 0;
            }
        }
        return new LevelShares(values, out);
    }
}
