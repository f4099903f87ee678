package org.mlops4j.tck.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.JdbcException;
import org.mlops4j.core.data.JdbcTableReader;
import org.mlops4j.core.data.JdbcTableWriter;
import org.mlops4j.core.data.JdbcWriteMode;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;

/**
 * The behaviour every database must show when tables are written and read through JDBC: exact round trips, the three
 * write modes, all-or-nothing writes, and errors that say where. Each database extends this class and provides a
 * fresh, empty database per test.
 *
 * <p>A plugin author (here: whoever supports a further database for {@code JdbcDatabase} tables) implements
 * {@link #freshDatabaseUrl()} and {@link #keepsNaN()}, overrides {@link #dropDatabase()} when the database outlives
 * the test, and puts the JDBC driver on the test class path.
 */
public abstract class JdbcTablesContract {

    private static final String[] AWKWARD_NAMES = {"1_on_1_industry_mentorship", "city tier", "Mixed Case",
        "say \"hi\"", "ünïcödé", "select"};

    protected JdbcDatabase db;

    /** @return the JDBC URL of a fresh, empty database (or schema) for one test */
    protected abstract String freshDatabaseUrl() throws Exception;

    /** Removes what {@link #freshDatabaseUrl()} made. */
    protected void dropDatabase() throws Exception {
    }

    /** @return whether the database keeps NaN (SQLite stores it as NULL) */
    protected abstract boolean keepsNaN();

    private String url;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        url = freshDatabaseUrl();
        db = JdbcDatabase.of(url);
    }

    @AfterEach
    void removeDatabase() throws Exception {
        dropDatabase();
    }

    protected String url() {
        return url;
    }

    protected void executeRaw(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A table with every column type, nulls, extreme numbers, awkward text and names that need quoting. */
    protected static Table everyKindOfColumn(int rows) {
        NumericColumn.Builder numbers = NumericColumn.builder("1_on_1_industry_mentorship", rows);
        NumericColumn.Builder extremes = NumericColumn.builder("city tier", rows);
        CategoricalColumn.Builder levels = CategoricalColumn.builder("Mixed Case", rows);
        BooleanColumn.Builder flags = BooleanColumn.builder("say \"hi\"");
        TimestampColumn.Builder times = TimestampColumn.builder("ünïcödé", rows);
        TextColumn.Builder texts = TextColumn.builder("select", rows);
        double[] special = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0 / 3.0, 1e-300, 0.0};
        String[] levelValues = {"Level0", "Level3", "другой", "", "東京"};
        long[] instants = {Instant.parse("2021-11-19T15:25:38Z").toEpochMilli(), -86_400_123L,
            Instant.parse("2200-01-01T00:00:00.999Z").toEpochMilli(), 0L};
        for (int i = 0; i < rows; i++) {
            if (i % 7 == 3) {
                numbers.addNull();
            } else {
                numbers.add(i * 0.1 - 2);
            }
            extremes.add(special[i % special.length]);
            levels.add(i % 11 == 5 ? null : levelValues[i % levelValues.length]);
            flags.add(i % 5 == 4 ? null : Boolean.valueOf(i % 2 == 0));
            if (i % 6 == 1) {
                times.addNull();
            } else {
                times.addEpochMillis(instants[i % instants.length] + i * 1000L);
            }
            texts.add(i % 9 == 8 ? null : "row " + i + ": 'quoted' \"text\", émoji 🚀\nnew line; DROP TABLE x; --");
        }
        return Table.of(numbers.build(), extremes.build(), levels.build(), flags.build(), times.build(),
                texts.build());
    }

    protected static Table numbers(String name, double... values) {
        return Table.of(NumericColumn.of(name, values));
    }

    private static Table withNaN() {
        return Table.of(NumericColumn.ofNullable("x", 1.0, Double.NaN, null, Double.POSITIVE_INFINITY));
    }

    @Test
    void roundTripGivesAnEqualTableForEveryColumnType() {
        Table table = everyKindOfColumn(60);

        db.writeTable(table, "loaded_data", JdbcWriteMode.REPLACE);

        Table back = db.readTable("loaded_data");
        assertEquals(table, back);
        assertEquals(List.of(AWKWARD_NAMES), back.columnNames());
        assertEquals(List.of(ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN,
                ColumnType.TIMESTAMP, ColumnType.TEXT), back.columns().stream().map(Column::type).toList());
    }

    @Test
    void roundTripOfATableWithoutRowsKeepsItsColumns() {
        Table table = everyKindOfColumn(60).head(0).drop("select");

        db.writeTable(table, "empty", JdbcWriteMode.REPLACE);

        assertEquals(table, db.readTable("empty"));
    }

    @Test
    void nanComesBackAsNaNWhereTheDatabaseKeepsItAndAsNullInSqlite() {
        db.writeTable(withNaN(), "nan", JdbcWriteMode.REPLACE);

        NumericColumn back = db.readTable("nan").numeric("x");
        assertEquals(!keepsNaN(), back.isNull(1), "row 1 held NaN");
        if (keepsNaN()) {
            assertTrue(Double.isNaN(back.getDouble(1)));
        }
        assertTrue(back.isNull(2));
        assertEquals(Double.POSITIVE_INFINITY, back.getDouble(3));
    }

    @Test
    void severalTablesLiveInOneDatabase() {
        db.writeTable(numbers("a", 1, 2), "loaded_data", JdbcWriteMode.FAIL_IF_EXISTS);
        db.writeTable(numbers("b", 3), "city_tier_mapped", JdbcWriteMode.FAIL_IF_EXISTS);

        assertEquals(List.of("city_tier_mapped", "loaded_data"), db.tableNames());
        assertTrue(db.hasTable("loaded_data"));
        assertFalse(db.hasTable("model_input"));
        assertEquals(numbers("b", 3), db.readTable("city_tier_mapped"));
    }

    @Test
    void replaceSwapsTheOldTableForTheNewOne() {
        db.writeTable(Table.of(CategoricalColumn.of("old", "x", "y")), "t", JdbcWriteMode.REPLACE);

        db.writeTable(numbers("new", 1, 2, 3), "t", JdbcWriteMode.REPLACE);

        assertEquals(numbers("new", 1, 2, 3), db.readTable("t"));
    }

    @Test
    void appendAddsRowsAfterTheExistingOnes() {
        Table first = everyKindOfColumn(30);
        Table second = everyKindOfColumn(45).take(java.util.stream.IntStream.range(30, 45).toArray());
        db.writeTable(first, "loaded_data", JdbcWriteMode.APPEND);
        db.writeTable(numbers("other", 1), "loadedXdata", JdbcWriteMode.APPEND);

        db.writeTable(second, "loaded_data", JdbcWriteMode.APPEND);

        assertEquals(everyKindOfColumn(45), db.readTable("loaded_data"));
    }

    @Test
    void appendWithColumnsInAnotherOrderMatchesThemByName() {
        db.writeTable(Table.of(NumericColumn.of("a", 1), CategoricalColumn.of("b", "x")), "t", JdbcWriteMode.APPEND);

        db.writeTable(Table.of(CategoricalColumn.of("b", "y"), NumericColumn.of("a", 2)), "t", JdbcWriteMode.APPEND);

        assertEquals(Table.of(NumericColumn.of("a", 1, 2), CategoricalColumn.of("b", "x", "y")), db.readTable("t"));
    }

    @Test
    void appendRefusesAColumnTheTableLacksAndNamesIt() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.APPEND);

        JdbcException e = assertThrows(JdbcException.class, () -> db.writeTable(
                Table.of(NumericColumn.of("a", 2), NumericColumn.of("extra", 3)), "t", JdbcWriteMode.APPEND));

        assertTrue(e.getMessage().contains("[extra]") && e.getMessage().contains("[a]"), e.getMessage());
        assertEquals(numbers("a", 1), db.readTable("t"));
    }

    @Test
    void appendRefusesAColumnOfAnIncompatibleType() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.APPEND);

        JdbcException e = assertThrows(JdbcException.class, () -> db.writeTable(
                Table.of(CategoricalColumn.of("a", "x")), "t", JdbcWriteMode.APPEND));

        assertTrue(e.getMessage().contains("column 'a' is categorical"), e.getMessage());
    }

    @Test
    void failIfExistsRefusesAnExistingTableAndLeavesIt() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.FAIL_IF_EXISTS);

        JdbcException e = assertThrows(JdbcException.class,
                () -> db.writeTable(numbers("a", 2), "t", JdbcWriteMode.FAIL_IF_EXISTS));

        assertTrue(e.getMessage().contains("'t' already exists"), e.getMessage());
        assertEquals(numbers("a", 1), db.readTable("t"));
    }

    private static JdbcTableWriter failingAfterFirstBatch(JdbcWriteMode mode, AtomicLong rowsSent) {
        return JdbcTableWriter.builder().mode(mode).batchSize(10).progress(rows -> {
            rowsSent.set(rows);
            if (rows >= 10) {
                throw new IllegalStateException("stop after " + rows + " rows");
            }
        }).build();
    }

    @Test
    void failedCreateLeavesNoTableBehind() {
        AtomicLong sent = new AtomicLong();
        List<String> before = db.tableNames();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failingAfterFirstBatch(
                JdbcWriteMode.FAIL_IF_EXISTS, sent).write(everyKindOfColumn(60), db, "t"));

        assertEquals("stop after 10 rows", e.getMessage());
        assertEquals(10, sent.get());
        assertFalse(db.hasTable("t"));
        assertEquals(before, db.tableNames(), "no staging table is left behind");
    }

    @Test
    void failedReplaceLeavesTheOldTableAsItWas() {
        Table old = numbers("a", 1, 2, 3);
        db.writeTable(old, "t", JdbcWriteMode.REPLACE);

        assertThrows(IllegalStateException.class, () -> failingAfterFirstBatch(JdbcWriteMode.REPLACE,
                new AtomicLong()).write(everyKindOfColumn(60), db, "t"));

        assertEquals(old, db.readTable("t"));
        assertEquals(List.of("t"), db.tableNames());
    }

    @Test
    void failedAppendLeavesTheTableUnchanged() {
        Table first = everyKindOfColumn(5);
        db.writeTable(first, "t", JdbcWriteMode.APPEND);

        assertThrows(IllegalStateException.class, () -> failingAfterFirstBatch(JdbcWriteMode.APPEND,
                new AtomicLong()).write(everyKindOfColumn(60), db, "t"));

        assertEquals(first, db.readTable("t"));
    }

    @Test
    void appendThatViolatesAConstraintMidwayWritesNoRow() throws SQLException {
        executeRaw("CREATE TABLE \"t\" (\"a\" DOUBLE PRECISION NOT NULL)");
        db.writeTable(numbers("a", 1, 2), "t", JdbcWriteMode.APPEND);
        Double[] values = new Double[25];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 17 ? null : (double) i;
        }

        JdbcException e = assertThrows(JdbcException.class, () -> JdbcTableWriter.builder()
                .mode(JdbcWriteMode.APPEND).batchSize(5).build()
                .write(Table.of(NumericColumn.ofNullable("a", values)), db, "t"));

        assertTrue(e.getMessage().contains("rows 16 to 20"), e.getMessage());
        assertTrue(e.sql().orElseThrow().startsWith("INSERT INTO \"t\""), e.sql().orElseThrow());
        assertEquals(numbers("a", 1, 2), db.readTable("t"));
    }

    @Test
    void readingAMissingTableNamesItAndListsTheTablesThatExist() {
        db.writeTable(numbers("a", 1), "loaded_data", JdbcWriteMode.REPLACE);
        db.writeTable(numbers("a", 1), "city_tier_mapped", JdbcWriteMode.REPLACE);

        JdbcException e = assertThrows(JdbcException.class, () -> db.readTable("model_input"));

        assertTrue(e.getMessage().startsWith("Table 'model_input' does not exist in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the tables there are [city_tier_mapped, loaded_data]"), e.getMessage());
    }

    @Test
    void aFailingQueryNamesTheDatabaseAndTheSql() {
        String sql = "SELECT nope FROM nowhere";

        JdbcException e = assertThrows(JdbcException.class, () -> db.readQuery(sql));

        assertTrue(e.getMessage().contains(e.url().orElseThrow()), e.getMessage());
        assertTrue(e.getMessage().contains(sql), e.getMessage());
        assertEquals(sql, e.sql().orElseThrow());
    }

    @Test
    void aValueThatDoesNotFitAForcedTypeNamesTableRowColumnAndValue() {
        db.writeTable(Table.of(CategoricalColumn.of("amount", "1.5", "2", "abc", "4")), "leads",
                JdbcWriteMode.REPLACE);
        JdbcTableReader reader = JdbcTableReader.builder().columnType("amount", ColumnType.NUMERIC).build();

        DataException e = assertThrows(DataException.class, () -> reader.readTable(db, "leads"));

        assertEquals(3, e.line());
        assertEquals("amount", e.column().orElseThrow());
        assertEquals("abc", e.value().orElseThrow());
        assertTrue(e.source().orElseThrow().startsWith("table 'leads' in "), e.source().orElseThrow());
        assertTrue(e.getMessage().contains("Row 3 of column 'amount' cannot be read as numeric"), e.getMessage());
    }

    @Test
    void forcedTypesConvertValuesThatFit() {
        db.writeTable(Table.of(CategoricalColumn.of("n", "1.5", null, "-Infinity"),
                CategoricalColumn.of("flag", "true", "f", null),
                CategoricalColumn.of("when", "2021-11-19 15:25:38", "2021-11-19T15:25:38.5Z", null),
                NumericColumn.of("code", 1, 2, 3)), "t", JdbcWriteMode.REPLACE);

        Table back = JdbcTableReader.builder().columnType("n", ColumnType.NUMERIC)
                .columnType("flag", ColumnType.BOOLEAN).columnType("when", ColumnType.TIMESTAMP)
                .columnType("code", ColumnType.CATEGORICAL).build().readTable(db, "t");

        assertEquals(NumericColumn.ofNullable("n", 1.5, null, Double.NEGATIVE_INFINITY), back.column("n"));
        assertEquals(BooleanColumn.of("flag", true, false, null), back.column("flag"));
        assertEquals(TimestampColumn.of("when", Instant.parse("2021-11-19T15:25:38Z"),
                Instant.parse("2021-11-19T15:25:38.500Z"), null), back.column("when"));
        assertEquals(ColumnType.CATEGORICAL, back.column("code").type());
    }

    @Test
    void aColumnTypeForAColumnTheResultLacksIsAnError() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.REPLACE);

        DataException e = assertThrows(DataException.class, () -> JdbcTableReader.builder()
                .columnType("typo", ColumnType.TEXT).build().readTable(db, "t"));

        assertTrue(e.getMessage().contains("[typo]") && e.getMessage().contains("[a]"), e.getMessage());
    }

    @Test
    void queriesTakeParametersIncludingInstants() {
        Table table = everyKindOfColumn(60);
        db.writeTable(table, "t", JdbcWriteMode.REPLACE);
        Instant cutoff = Instant.parse("2100-01-01T00:00:00Z");

        Table late = db.readQuery("SELECT \"select\" FROM \"t\" WHERE \"ünïcödé\" > ? AND \"Mixed Case\" = ?",
                cutoff, "Level3");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            Instant time = table.timestamp("ünïcödé").get(i);
            if (time != null && time.isAfter(cutoff) && "Level3".equals(table.categorical("Mixed Case").get(i))) {
                expected.add(table.text("select").getString(i));
            }
        }
        assertFalse(expected.isEmpty());
        List<String> actual = new ArrayList<>();
        Column column = late.column("select");
        for (int i = 0; i < late.rowCount(); i++) {
            actual.add((String) column.get(i));
        }
        assertEquals(expected, actual);
    }

    @Test
    void aRepeatedColumnLabelIsAnErrorNamingIt() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.REPLACE);

        DataException e = assertThrows(DataException.class, () -> db.readQuery("SELECT \"a\", \"a\" FROM \"t\""));

        assertTrue(e.getMessage().contains("two columns named 'a'"), e.getMessage());
    }

    @Test
    void tableNamesThatCouldCarrySqlAreRefused() {
        for (String name : List.of("t; DROP TABLE x", "t\"", "a.b.c", "", "t--", "t x")) {
            assertThrows(IllegalArgumentException.class, () -> db.readTable(name), name);
            assertThrows(IllegalArgumentException.class,
                    () -> db.writeTable(numbers("a", 1), name, JdbcWriteMode.REPLACE), name);
        }
        assertEquals(List.of(), db.tableNames());
    }

    @Test
    void tableNamesAreFoundIgnoringCaseWhenOnlyOneMatches() {
        db.writeTable(numbers("a", 1), "Leads", JdbcWriteMode.REPLACE);

        assertEquals(numbers("a", 1), db.readTable("leads"));
        db.writeTable(numbers("a", 2), "LEADS", JdbcWriteMode.APPEND);
        assertEquals(numbers("a", 1, 2), db.readTable("Leads"));
    }

    @Test
    void stringsAsFixesTheTypeOfEveryStringColumn() {
        db.writeTable(everyKindOfColumn(30), "t", JdbcWriteMode.REPLACE);

        Table asText = JdbcTableReader.builder().stringsAs(ColumnType.TEXT).build().readTable(db, "t");
        Table asCategories = JdbcTableReader.builder().stringsAs(ColumnType.CATEGORICAL).build().readTable(db, "t");

        assertEquals(ColumnType.TEXT, asText.column("Mixed Case").type());
        assertEquals(ColumnType.CATEGORICAL, asCategories.column("select").type());
        assertEquals(everyKindOfColumn(30).categorical("Mixed Case").toText(), asText.column("Mixed Case"));
    }
}
