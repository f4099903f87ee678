package org.mlops4j.drift.profile;

/**
 * How many rows repeat an earlier row (pandas' {@code duplicated().sum()}): exact while the profile counted distinct
 * rows one by one (up to {@link ProfileOptions#duplicateRowsExactLimit()} distinct rows, from 64-bit row hashes),
 * otherwise {@code rows - estimated distinct rows} from a CPC sketch, with bounds at three standard errors. An
 * estimate is coarse: its error is about one percent of the distinct rows, so it tells "many duplicates" from "few"
 * but not 0 from 100 in a large table.
 *
 * @param rows       the rows counted
 * @param duplicates the duplicate rows, exact or estimated
 * @param lowerBound a lower bound on the duplicate rows
 * @param upperBound an upper bound on the duplicate rows
 * @param exact      whether the count is exact
 */
public record DuplicateRows(long rows, double duplicates, double lowerBound, double upperBound, boolean exact) {

    /** @return the duplicate rows as a fraction of the rows, 0 for no rows */
    public double fraction() {
        return rows == 0 ? 0.0 : duplicates / rows;
    }
}
