package org.mlops4j.examples.leadscoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;

/**
 * The table transformations of the case study's data pipeline, one method per step, as pure functions from table to
 * table (the pipeline steps in {@link LeadScoringPipelines} read and write the SQLite tables around them).
 *
 * <pre>{@code
 * LeadDataTransforms transforms = new LeadDataTransforms(LeadScoringMappings.bundled(), LeadScoringSchemas.bundled());
 * Table modelInput = transforms.modelInput(transforms.mapInteractions(transforms.mapCategoricalVars(
 *         transforms.mapCityTier(transforms.load(raw))), false), false);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LeadDataTransforms {

    /** The raw city column, replaced by {@link #CITY_TIER}. */
    public static final String CITY = "city_mapped";
    /** The tier of the lead's city: 1.0, 2.0 or 3.0. */
    public static final String CITY_TIER = "city_tier";
    /** The raw date column, an index column of the grouping. */
    public static final String CREATED_DATE = "created_date";
    /** The number of leads the person dropped before (sic: three p). */
    public static final String LEADS_DROPPED = "total_leads_droppped";
    /** Whether the lead was referred: 0 or 1. */
    public static final String REFERRED = "referred_lead";
    /** The columns whose nulls {@link #load} fills with 0, and no others. */
    public static final List<String> ZERO_FILLED = List.of(LEADS_DROPPED, REFERRED);
    /** The columns rows are grouped by in {@link #mapInteractions}, in order; the last is the target. */
    public static final List<String> INDEX_COLUMNS = List.of(CREATED_DATE, CITY_TIER, "first_platform_c",
            "first_utm_medium_c", "first_utm_source_c", LEADS_DROPPED, REFERRED, LeadScoringSchemas.TARGET);

    private final LeadScoringMappings mappings;
    private final LeadScoringSchemas schemas;

    /**
     * @param mappings the city tiers, significant levels and interaction groups
     * @param schemas  the model input columns
     */
    public LeadDataTransforms(LeadScoringMappings mappings, LeadScoringSchemas schemas) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * {@code load_data_into_db}: nulls become 0 in {@link #ZERO_FILLED} and nowhere else.
     *
     * @param raw the raw data
     * @return the loaded data, with the same columns
     * @throws DataException when one of those columns is missing or holds something other than numbers (naming the
     *                       first value that is not a number and its row)
     */
    public Table load(Table raw) {
        Table out = raw;
        for (String name : ZERO_FILLED) {
            out = out.withColumn(numeric(out, name).fillNulls(0.0));
        }
        return out;
    }

    /**
     * {@code map_city_tier}: adds {@link #CITY_TIER} as the last column (the city's tier as a number; an unknown or
     * missing city is 3.0) and drops {@link #CITY}.
     *
     * @param loaded the loaded data
     * @return the data with city tiers
     * @throws DataException when there is no city column
     */
    public Table mapCityTier(Table loaded) {
        Column city = require(loaded, CITY);
        if (city instanceof CategoricalColumn categorical) {
            return loaded.drop(CITY).withColumn(categorical.mapToNumeric(CITY_TIER, mappings::tierOf));
        }
        NumericColumn.Builder tiers = NumericColumn.builder(CITY_TIER, loaded.rowCount());
        for (int row = 0; row < loaded.rowCount(); row++) {
            tiers.add(mappings.tierOf(city.isNull(row) ? null : city.format(row)));
        }
        return loaded.drop(CITY).withColumn(tiers.build());
    }

    /**
     * {@code map_categorical_vars}: in each column with significant levels, every other level and null becomes
     * {@link LeadScoringMappings#OTHERS}; the columns keep their places.
     *
     * @param tiered the data with city tiers
     * @return the data with mapped levels
     * @throws DataException when one of those columns is missing
     */
    public Table mapCategoricalVars(Table tiered) {
        Table out = tiered;
        for (String name : mappings.categoricalColumns()) {
            Column column = require(out, name);
            out = out.withColumn(categorical(column).mapLevels(level -> mappings.mapLevel(name, level)));
        }
        return out;
    }

    /**
     * {@code interactions_mapping}: sums the interaction columns into their groups (a null counts as 0) and sums the
     * rows that are equal on the index columns into one, in the order of their first row.
     *
     * @param mapped    the data with mapped levels
     * @param inference whether it is inference data, without the target (then the target is no index column)
     * @return the index columns, then the groups in alphabetical order
     * @throws DataException when an index or interaction column is missing or not numeric
     */
    public Table mapInteractions(Table mapped, boolean inference) {
        List<String> index = indexColumns(inference);
        List<Column> columns = new ArrayList<>();
        for (String name : index) {
            columns.add(require(mapped, name));
        }
        List<String> groups = mappings.groupNames();
        for (String group : groups) {
            double[] sums = new double[mapped.rowCount()];
            mappings.interactionGroups().forEach((interaction, target) -> {
                if (target.equals(group)) {
                    NumericColumn values = numeric(mapped, interaction);
                    for (int row = 0; row < sums.length; row++) {
                        if (!values.isNull(row)) {
                            sums[row] += values.getDouble(row);
                        }
                    }
                }
            });
            columns.add(NumericColumn.of(group, sums));
        }
        return Table.of(columns).groupBy(index.toArray(String[]::new)).sum(groups.toArray(String[]::new));
    }

    /**
     * The {@code model_input} table: the model input columns, in the schema's order.
     *
     * @param interactionsMapped the output of {@link #mapInteractions}
     * @param inference          whether it is inference data, without the target
     * @return the model input
     * @throws DataException when a model input column is missing
     */
    public Table modelInput(Table interactionsMapped, boolean inference) {
        List<String> names = schemas.modelInputColumns(inference);
        names.forEach(name -> require(interactionsMapped, name));
        return interactionsMapped.select(names);
    }

    /**
     * @return the raw columns the transformations read as numbers: {@link #ZERO_FILLED} and the interaction columns,
     *         in that order; {@code raw_data_schema_check} checks that they hold numbers before anything is loaded
     */
    public List<String> numericColumns() {
        List<String> names = new ArrayList<>(ZERO_FILLED);
        names.addAll(mappings.interactionColumns());
        return List.copyOf(names);
    }

    /**
     * @param inference whether the data has no target
     * @return the index columns of the grouping
     */
    public static List<String> indexColumns(boolean inference) {
        return inference ? INDEX_COLUMNS.subList(0, INDEX_COLUMNS.size() - 1) : INDEX_COLUMNS;
    }

    private static Column require(Table table, String name) {
        return table.findColumn(name).orElseThrow(() -> new DataException("Expected a column '" + name
                + "' but the table's columns are " + table.columnNames(), null, 0, name, null));
    }

    private static NumericColumn numeric(Table table, String name) {
        return require(table, name).asNumeric();
    }

    private static CategoricalColumn categorical(Column column) {
        if (column instanceof CategoricalColumn levels) {
            return levels;
        }
        if (column instanceof TextColumn text) {
            return text.toCategorical();
        }
        CategoricalColumn.Builder levels = CategoricalColumn.builder(column.name(), column.size());
        for (int row = 0; row < column.size(); row++) {
            levels.add(column.isNull(row) ? null : column.format(row));
        }
        return levels.build();
    }
}
