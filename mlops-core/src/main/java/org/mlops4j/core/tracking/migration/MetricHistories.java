package org.mlops4j.core.tracking.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.tracking.Metric;

/**
 * Metric histories compared as multisets of (value, timestamp, step): a history may hold the same step, or the same
 * entry, several times, and every copy counts. Values compare bit for bit, so NaN equals NaN.
 */
final class MetricHistories {

    private static final Comparator<Metric> ORDER = Comparator.comparingLong(Metric::step)
            .thenComparingLong(Metric::timestamp).thenComparing(Metric::value, Double::compare);

    private MetricHistories() {
    }

    /**
     * @param source the source run's history of one metric
     * @param target the target run's history of the same metric
     * @return the source entries the target lacks (as many times as they are missing), in the source's order
     */
    static List<Metric> missing(List<Metric> source, List<Metric> target) {
        Map<Entry, Integer> present = new HashMap<>();
        for (Metric m : target) {
            present.merge(Entry.of(m), 1, Integer::sum);
        }
        List<Metric> missing = new ArrayList<>();
        for (Metric m : source) {
            Entry entry = Entry.of(m);
            int count = present.getOrDefault(entry, 0);
            if (count > 0) {
                present.put(entry, count - 1);
            } else {
                missing.add(m);
            }
        }
        return missing;
    }

    /**
     * @param source one history
     * @param target another
     * @return whether both hold the same entries the same number of times
     */
    static boolean same(List<Metric> source, List<Metric> target) {
        if (source.size() != target.size()) {
            return false;
        }
        List<Metric> a = new ArrayList<>(source);
        List<Metric> b = new ArrayList<>(target);
        a.sort(ORDER);
        b.sort(ORDER);
        for (int i = 0; i < a.size(); i++) {
            if (!Entry.of(a.get(i)).equals(Entry.of(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** One history entry without its key; the value as its bits. */
    private record Entry(long valueBits, long timestamp, long step) {
        static Entry of(Metric m) {
            return new Entry(Double.doubleToLongBits(m.value()), m.timestamp(), m.step());
        }
    }
}
