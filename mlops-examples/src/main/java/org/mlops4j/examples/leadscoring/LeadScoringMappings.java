package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;

/**
 * The case study's mapping tables: city to tier, the significant levels of the three source columns, and the group of
 * each of the 37 interaction columns.
 *
 * <pre>{@code
 * LeadScoringMappings mappings = LeadScoringMappings.bundled();
 * double tier = mappings.tierOf("pune");          // 1.0; unknown or null cities are tier 3.0
 * }</pre>
 *
 * @param cityTiers          tier (1.0, 2.0 or 3.0) by lower-case city name, in file order
 * @param significantLevels  the levels kept per categorical column; every other level becomes {@link #OTHERS}
 * @param interactionGroups  the group (such as {@code assistance_interaction}) of each interaction column, in file
 *                           order
 */
public record LeadScoringMappings(Map<String, Double> cityTiers, Map<String, Set<String>> significantLevels,
                                  Map<String, String> interactionGroups) {

    /** The level that replaces every level not listed as significant, and null. */
    public static final String OTHERS = "others";
    /** The tier of a city that is not in the mapping, or of a missing city. */
    public static final double UNKNOWN_CITY_TIER = 3.0;

    /** Copies the maps. */
    public LeadScoringMappings {
        cityTiers = Collections.unmodifiableMap(new LinkedHashMap<>(cityTiers));
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        significantLevels.forEach((column, set) -> levels.put(column,
                Collections.unmodifiableSet(new LinkedHashSet<>(set))));
        significantLevels = Collections.unmodifiableMap(levels);
        interactionGroups = Collections.unmodifiableMap(new LinkedHashMap<>(interactionGroups));
    }

    /** @return the mappings bundled with this module (copies of the case study's files) */
    public static LeadScoringMappings bundled() {
        return read(null);
    }

    /**
     * @param folder a folder with {@code city_tier_mapping.csv}, {@code significant_levels.csv} and
     *               {@code interaction_mapping.csv}
     * @return the mappings in those files
     * @throws org.mlops4j.core.ConfigurationException when a file is missing
     * @throws DataException when a file lacks a column or holds a tier that is not a number
     */
    public static LeadScoringMappings fromFolder(Path folder) {
        return read(Objects.requireNonNull(folder, "folder"));
    }

    private static LeadScoringMappings read(Path folder) {
        Table tiers = CaseStudyFiles.readCsv(folder, CaseStudyFiles.CITY_TIERS);
        Map<String, Double> cityTiers = new LinkedHashMap<>();
        TextColumn cities = text(tiers, "city", CaseStudyFiles.CITY_TIERS);
        TextColumn tierText = text(tiers, "tier", CaseStudyFiles.CITY_TIERS);
        for (int row = 0; row < tiers.rowCount(); row++) {
            String value = tierText.getString(row);
            try {
                cityTiers.put(cities.getString(row), Double.parseDouble(value));
            } catch (NumberFormatException | NullPointerException e) {
                throw new DataException("Expected a tier number", CaseStudyFiles.CITY_TIERS, row + 2, "tier", value);
            }
        }
        Table levels = CaseStudyFiles.readCsv(folder, CaseStudyFiles.SIGNIFICANT_LEVELS);
        Map<String, Set<String>> significant = new LinkedHashMap<>();
        TextColumn columns = text(levels, "column", CaseStudyFiles.SIGNIFICANT_LEVELS);
        TextColumn levelNames = text(levels, "level", CaseStudyFiles.SIGNIFICANT_LEVELS);
        for (int row = 0; row < levels.rowCount(); row++) {
            significant.computeIfAbsent(columns.getString(row), c -> new LinkedHashSet<>())
                    .add(levelNames.getString(row));
        }
        Table interactions = CaseStudyFiles.readCsv(folder, CaseStudyFiles.INTERACTIONS);
        Map<String, String> groups = new LinkedHashMap<>();
        TextColumn types = text(interactions, "interaction_type", CaseStudyFiles.INTERACTIONS);
        TextColumn mapped = text(interactions, "interaction_mapping", CaseStudyFiles.INTERACTIONS);
        for (int row = 0; row < interactions.rowCount(); row++) {
            groups.put(types.getString(row), mapped.getString(row));
        }
        return new LeadScoringMappings(cityTiers, significant, groups);
    }

    private static TextColumn text(Table table, String column, String file) {
        if (!table.hasColumn(column)) {
            throw new DataException("Expected a column '" + column + "' but the columns are " + table.columnNames(),
                    file, 1, column, null);
        }
        return table.text(column);
    }

    /**
     * @param city a lower-case city name, or {@code null}
     * @return its tier, or {@link #UNKNOWN_CITY_TIER} for a city not in the mapping and for {@code null}
     */
    public double tierOf(String city) {
        return city == null ? UNKNOWN_CITY_TIER : cityTiers.getOrDefault(city, UNKNOWN_CITY_TIER);
    }

    /**
     * @param column a categorical column such as {@code first_platform_c}
     * @param level  a level of it, or {@code null}
     * @return the level when it is significant for the column, else {@link #OTHERS}
     */
    public String mapLevel(String column, String level) {
        return level != null && significantLevels.getOrDefault(column, Set.of()).contains(level) ? level : OTHERS;
    }

    /** @return the categorical columns whose levels are mapped, in file order */
    public List<String> categoricalColumns() {
        return List.copyOf(significantLevels.keySet());
    }

    /** @return the interaction columns, in file order */
    public List<String> interactionColumns() {
        return List.copyOf(interactionGroups.keySet());
    }

    /** @return the distinct interaction groups, sorted by name (the order of the case study's pivot) */
    public List<String> groupNames() {
        return List.copyOf(new TreeSet<>(interactionGroups.values()));
    }
}
