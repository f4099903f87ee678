package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.tck.data.JdbcTablesContract;

/**
 * The JDBC contract on PostgreSQL, each test in a schema of its own. The server's URL comes from the environment
 * variable {@code MLOPS_TEST_POSTGRES_URL} (or the system property {@code mlops.test.postgres.url}); without it the
 * tests are skipped, except on CI ({@code CI=true}), where they fail.
 */
class JdbcPostgresIT extends JdbcTablesContract {

    private static final String NO_SERVER =
            "MLOPS_TEST_POSTGRES_URL is not set, so there is no PostgreSQL server to test against";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    /** The server's JDBC URL, or {@code null} when none is configured (each test is then skipped with the reason). */
    private static String serverUrl;

    private String schema;

    @BeforeAll
    static void findServer() {
        String url = System.getenv("MLOPS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("mlops.test.postgres.url", "");
        }
        if (url.isBlank() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(NO_SERVER + "; on CI (CI=true) PostgreSQL must be tested: start it with .ci/postgres.sh");
        }
        serverUrl = url.isBlank() ? null : url;
    }

    /**
     * Skips the test, with the reason, when there is no server: an assumption per test (here, in the contract's
     * {@code @BeforeEach}) shows each test as skipped, where one in {@code @BeforeAll} left the report at
     * "Tests run: 0".
     */
    @Override
    protected String freshDatabaseUrl() throws Exception {
        assumeTrue(serverUrl != null, NO_SERVER);
        schema = "jdbc_it_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (schema == null) { // skipped: nothing was made
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    protected boolean keepsNaN() {
        return true;
    }

    @Test
    void readsTimestampsWithTimeZoneAndDatesAsUtc() throws Exception {
        executeRaw("CREATE TABLE times (at TIMESTAMPTZ, day DATE, amount NUMERIC(10, 2), id UUID)",
                "INSERT INTO times VALUES ('2021-11-19 17:25:38.123+02', '2021-11-19', 12.5,"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (NULL, NULL, NULL, NULL)");

        Table table = db.readTable("times");

        assertEquals(TimestampColumn.of("at", java.time.Instant.parse("2021-11-19T15:25:38.123Z"), null),
                table.column("at"));
        assertEquals(TimestampColumn.of("day", java.time.Instant.parse("2021-11-19T00:00:00Z"), null),
                table.column("day"));
        assertEquals(NumericColumn.ofNullable("amount", 12.5, null), table.column("amount"));
        assertEquals(CategoricalColumn.of("id", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", null), table.column("id"));
    }

    @Test
    void aTextValueThatPostgresRefusesRollsTheWholeWriteBack() {
        String[] values = new String[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 25 ? "nul \0 inside" : "value " + i;
        }

        JdbcException e = assertThrows(JdbcException.class, () -> JdbcTableWriter.builder().batchSize(10).build()
                .write(Table.of(TextColumn.of("t", values)), db, "texts"));

        assertTrue(e.getMessage().contains("rows 21 to 30"), e.getMessage());
        assertEquals(java.util.List.of(), db.tableNames());
    }

    @Test
    void aFailingQueryNamesTheUrlButNotItsPassword() {
        JdbcDatabase withPassword = JdbcDatabase.of(url() + "&password=not-for-logs");

        JdbcException e = assertThrows(JdbcException.class, () -> withPassword.readQuery("SELECT * FROM nowhere"));

        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertTrue(e.getMessage().contains("SELECT * FROM nowhere"), e.getMessage());
        assertFalse(e.getMessage().contains("not-for-logs"), e.getMessage());
    }

    @Test
    void bytesAreRefusedNamingTheColumn() throws Exception {
        executeRaw("CREATE TABLE blobs (payload BYTEA)");

        org.mlops4j.core.DataException e = assertThrows(org.mlops4j.core.DataException.class,
                () -> db.readTable("blobs"));

        assertTrue(e.getMessage().contains("Column 'payload' has SQL type bytea"), e.getMessage());
    }
}
