package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;
import org.mlops4j.tck.data.JdbcTablesContract;

/** The JDBC contract on SQLite files, plus what is special to SQLite: dynamic typing and NaN. */
class JdbcSqliteTest extends JdbcTablesContract {

    @TempDir
    Path folder;

    @Override
    protected String freshDatabaseUrl() {
        return "jdbc:sqlite:" + folder.resolve("pipeline.db");
    }

    @Override
    protected boolean keepsNaN() {
        return false;
    }

    @Test
    void writingCreatesTheDatabaseFile() {
        db.writeTable(numbers("a", 1), "t", JdbcWriteMode.REPLACE);

        assertTrue(Files.isRegularFile(folder.resolve("pipeline.db")));
    }

    @Test
    void aUrlNoDriverAcceptsIsAnErrorThatNamesItAndTheDrivers() {
        JdbcException e = assertThrows(JdbcException.class,
                () -> JdbcDatabase.of("jdbc:nosuchdb://host/db?password=hunter2").tableNames());

        assertTrue(e.getMessage().contains("jdbc:nosuchdb://host/db?password=***"), e.getMessage());
        assertTrue(e.getMessage().contains("org.postgresql:postgresql"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.getMessage());
        }
    }

    @Test
    void aDatabaseInAMissingFolderIsAnErrorNamingIt() {
        String missing = "jdbc:sqlite:" + folder.resolve("no/such/folder/x.db");

        JdbcException e = assertThrows(JdbcException.class,
                () -> JdbcDatabase.of(missing).writeTable(numbers("a", 1), "t", JdbcWriteMode.REPLACE));

        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void nanIsStoredAsSqlNull() throws Exception {
        db.writeTable(numbers("x", Double.NaN, 1.0), "t", JdbcWriteMode.REPLACE);

        try (Connection connection = DriverManager.getConnection(url()); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT typeof(x), x IS NULL FROM t ORDER BY rowid")) {
            assertTrue(rows.next());
            assertEquals("null", rows.getString(1));
            assertTrue(rows.getBoolean(2));
        }
    }

    @Test
    void storesTheSqliteTypesThatOtherToolsRead() throws Exception {
        db.writeTable(everyKindOfColumn(8), "t", JdbcWriteMode.REPLACE);

        List<String> storageClasses = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url()); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT typeof(\"1_on_1_industry_mentorship\"), typeof(\"Mixed Case\"), typeof(\"say \"\"hi\"\"\"),"
                                + " \"ünïcödé\", typeof(\"select\") FROM t WHERE rowid = 1")) {
            assertTrue(rows.next());
            for (int i = 1; i <= 5; i++) {
                storageClasses.add(rows.getString(i));
            }
        }
        assertEquals(List.of("real", "text", "integer", "2021-11-19 15:25:38", "text"), storageClasses);
    }

    @Test
    void readsTablesThatPandasWritesByDeclaredType() throws Exception {
        executeRaw("CREATE TABLE loaded_data (created_date TIMESTAMP, city TEXT, note TEXT, n INTEGER, x REAL,"
                        + " flag BOOLEAN, untyped)",
                "INSERT INTO loaded_data VALUES ('2021-11-19 15:25:38', 'pune', 'a', 3, 1.5, 1, 7)",
                "INSERT INTO loaded_data VALUES ('2021-08-24T15:17:20.250', 'pune', 'b', NULL, NULL, 0, 2.5)",
                "INSERT INTO loaded_data VALUES (1637335538000, NULL, NULL, 5, -2, NULL, NULL)");
        for (int i = 0; i < 30; i++) {
            executeRaw("INSERT INTO loaded_data (city, note) VALUES ('pune', 'free text " + i + "')");
        }

        Table table = JdbcTableReader.builder().stringTypesFromValues().build().readTable(db, "loaded_data");

        assertEquals(ColumnType.TEXT, db.readTable("loaded_data").column("city").type(), "declared TEXT");
        assertEquals(ColumnType.TIMESTAMP, table.column("created_date").type());
        assertEquals(Instant.parse("2021-11-19T15:25:38Z"), table.timestamp("created_date").get(0));
        assertEquals(Instant.parse("2021-08-24T15:17:20.250Z"), table.timestamp("created_date").get(1));
        assertEquals(Instant.ofEpochMilli(1637335538000L), table.timestamp("created_date").get(2));
        assertEquals(ColumnType.CATEGORICAL, table.column("city").type(), "one distinct value in 33 rows");
        assertEquals(ColumnType.TEXT, table.column("note").type(), "32 distinct values in 32 rows");
        assertEquals(NumericColumn.ofNullable("n", 3.0, null, 5.0), table.numeric("n").take(new int[] {0, 1, 2}));
        assertEquals(BooleanColumn.of("flag", true, false, null), table.bool("flag").take(new int[] {0, 1, 2}));
        assertEquals(ColumnType.NUMERIC, table.column("untyped").type());
        assertEquals(2.5, table.numeric("untyped").getDouble(1));
    }

    @Test
    void aValueAgainstTheDeclaredTypeIsAnErrorNamingTableRowColumnAndValue() throws Exception {
        executeRaw("CREATE TABLE leads (total_leads_droppped INTEGER)",
                "INSERT INTO leads VALUES (1), (2), ('two')");

        DataException e = assertThrows(DataException.class, () -> db.readTable("leads"));

        assertEquals(3, e.line());
        assertEquals("total_leads_droppped", e.column().orElseThrow());
        assertEquals("two", e.value().orElseThrow());
        assertTrue(e.getMessage().contains("table 'leads' in jdbc:sqlite:"), e.getMessage());
        assertTrue(e.getMessage().contains("its SQL type INTEGER maps to numeric"), e.getMessage());
    }

    @Test
    void expressionColumnsAreTypedByTheirValues() {
        db.writeTable(everyKindOfColumn(30), "t", JdbcWriteMode.REPLACE);

        Table result = db.readQuery("SELECT count(*) AS n, 'a' || 'b' AS s FROM t");

        assertEquals(numbers("n", 30), result.select("n"));
        assertEquals(CategoricalColumn.of("s", "ab"), result.column("s"));
    }

    @Test
    void aTextColumnWithFewDistinctValuesComesBackAsText() {
        Table table = Table.of(TextColumn.of("comment", "same", "same", null),
                CategoricalColumn.of("level", "a", "b", "c"));

        db.writeTable(table, "t", JdbcWriteMode.REPLACE);

        assertEquals(table, db.readTable("t"));
        assertEquals(ColumnType.CATEGORICAL, JdbcTableReader.builder().stringTypesFromValues().build()
                .readTable(db, "t").column("comment").type(), "the values decide when asked to");
    }

    @Test
    void writesIntoTheHostsTransactionWhenItsAutoCommitIsOff() throws Exception {
        try (Connection connection = DriverManager.getConnection(url())) {
            connection.setAutoCommit(false);
            JdbcDatabase hosted = JdbcDatabase.of(connection);

            hosted.writeTable(numbers("a", 1, 2), "t", JdbcWriteMode.REPLACE);
            assertEquals(numbers("a", 1, 2), hosted.readTable("t"));
            connection.rollback();

            assertFalse(hosted.hasTable("t"));
            assertFalse(connection.isClosed(), "the host's connection stays open");
        }
    }
}
