package org.mlops4j.drift.profile;

/**
 * How a profile is built: the sketches' sizes, which exact counts are kept and up to where, and which table-wide
 * statistics are computed. Immutable; start from {@link #defaults()} and change what you need with the {@code with}
 * methods.
 *
 * <p>Memory per column is bounded whatever the number of rows: a numeric column keeps a KLL sketch of about
 * {@code 3 * kllK} doubles, at most {@code exactDistinctLimit} exact value counts (dropped for a CPC sketch of
 * {@code 2^distinctLgK} bits once there are more distinct values); a categorical column keeps at most
 * {@code categoryExactLimit} exact counts, then a frequent-items sketch of {@code frequentItemsMapSize} entries.
 *
 * @param kllK                    the KLL sketch's {@code k}: accuracy of quantiles, CDFs, KS and Wasserstein. The
 *                                rank error is about {@code 2.3 / k^0.97} with 99% confidence (0.0029 at
 *                                1024, 0.0133 at 200). Default 1024, as whylogs uses
 * @param distinctLgK             log2 of the CPC distinct-count sketch's size; relative standard error about
 *                                {@code 0.6 / sqrt(2^lgK)} (1% at the default 12)
 * @param exactDistinctLimit      a numeric column counts each distinct value exactly while it has at most this many
 *                                (exact distinct count, common values and per-value bins); default 256
 * @param categoryExactLimit      a categorical, boolean or text column counts each level exactly while it has at
 *                                most this many levels; default 1024
 * @param frequentItemsMapSize    the frequent-items sketch's maximum map size (a power of two) once a column has more
 *                                levels than {@code categoryExactLimit}; counts are then within
 *                                {@code 3.5 * n / mapSize} of the truth; default 1024
 * @param duplicateRows           whether to count duplicate rows (from 64-bit row hashes); default true
 * @param duplicateRowsExactLimit duplicate rows are counted exactly while there are at most this many distinct rows,
 *                                and estimated from a CPC sketch beyond; default 131072 (1 MiB of hashes)
 * @param correlations            whether to keep the co-moments for Pearson correlations between numeric columns
 * @param maxCorrelationColumns   correlations cover the first this many numeric columns (the cost per row grows with
 *                                the square); default 50
 */
public record ProfileOptions(int kllK, int distinctLgK, int exactDistinctLimit, int categoryExactLimit,
                             int frequentItemsMapSize, boolean duplicateRows, int duplicateRowsExactLimit,
                             boolean correlations, int maxCorrelationColumns) {

    /** The validating constructor. */
    public ProfileOptions {
        check(kllK >= 8 && kllK <= 65535, "kllK", kllK, "from 8 to 65535");
        check(distinctLgK >= 4 && distinctLgK <= 26, "distinctLgK", distinctLgK, "from 4 to 26");
        check(exactDistinctLimit >= 0, "exactDistinctLimit", exactDistinctLimit, "0 or more");
        check(categoryExactLimit >= 0, "categoryExactLimit", categoryExactLimit, "0 or more");
        check(frequentItemsMapSize >= 8 && Integer.bitCount(frequentItemsMapSize) == 1, "frequentItemsMapSize",
                frequentItemsMapSize, "a power of two, at least 8");
        check(duplicateRowsExactLimit >= 0, "duplicateRowsExactLimit", duplicateRowsExactLimit, "0 or more");
        check(maxCorrelationColumns >= 0, "maxCorrelationColumns", maxCorrelationColumns, "0 or more");
    }

    /** @return the default options, as documented on each component */
    public static ProfileOptions defaults() {
        return new ProfileOptions(1024, 12, 256, 1024, 1024, true, 131_072, true, 50);
    }

    /** @param k the KLL sketch's {@code k} @return options with it */
    public ProfileOptions withKllK(int k) {
        return new ProfileOptions(k, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param lgK log2 of the CPC sketch's size @return options with it */
    public ProfileOptions withDistinctLgK(int lgK) {
        return new ProfileOptions(kllK, lgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param limit exact distinct values per numeric column @return options with it */
    public ProfileOptions withExactDistinctLimit(int limit) {
        return new ProfileOptions(kllK, distinctLgK, limit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param limit exact levels per categorical column @return options with it */
    public ProfileOptions withCategoryExactLimit(int limit) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, limit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param mapSize the frequent-items sketch's map size, a power of two @return options with it */
    public ProfileOptions withFrequentItemsMapSize(int mapSize) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, mapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param enabled whether to count duplicate rows @return options with it */
    public ProfileOptions withDuplicateRows(boolean enabled) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                enabled, duplicateRowsExactLimit, correlations, maxCorrelationColumns);
    }

    /** @param limit distinct rows counted exactly @return options with it */
    public ProfileOptions withDuplicateRowsExactLimit(int limit) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, limit, correlations, maxCorrelationColumns);
    }

    /** @param enabled whether to compute correlations @return options with it */
    public ProfileOptions withCorrelations(boolean enabled) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, enabled, maxCorrelationColumns);
    }

    /** @param max numeric columns covered by correlations @return options with it */
    public ProfileOptions withMaxCorrelationColumns(int max) {
        return new ProfileOptions(kllK, distinctLgK, exactDistinctLimit, categoryExactLimit, frequentItemsMapSize,
                duplicateRows, duplicateRowsExactLimit, correlations, max);
    }

    private static void check(boolean ok, String name, int value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("Profile option " + name + " must be " + expected + ", was " + value);
        }
    }
}
