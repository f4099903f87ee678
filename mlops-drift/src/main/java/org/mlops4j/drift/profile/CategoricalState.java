package org.mlops4j.drift.profile;

import java.util.Map;
import org.mlops4j.core.data.ColumnType;

/**
 * The saved fields of a {@link CategoricalAccumulator}, as the JSON form holds them.
 *
 * <p>Package-private: not part of the API.
 *
 * @param type                 categorical, boolean or text
 * @param distinctLgK          log2 of the CPC sketch's size
 * @param frequentItemsMapSize the frequent-items sketch's map size
 * @param categoryExactLimit   how many levels are counted exactly
 * @param count                values that are not missing
 * @param nulls                missing values
 * @param exactCounts          counts by level, or {@code null} when counted by sketch
 * @param frequentItems        the serialised frequent-items sketch, or {@code null}
 * @param cpc                  the serialised CPC sketch, or {@code null}
 */
record CategoricalState(ColumnType type, int distinctLgK, int frequentItemsMapSize, int categoryExactLimit,
                               long count, long nulls, Map<String, Long> exactCounts, byte[] frequentItems,
                               byte[] cpc) {
}
