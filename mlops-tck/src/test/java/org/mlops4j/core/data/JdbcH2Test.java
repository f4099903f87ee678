package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mlops4j.tck.data.JdbcTablesContract;

/** The JDBC contract on in-memory H2 databases, plus H2's upper-case names and data sources. */
class JdbcH2Test extends JdbcTablesContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected String freshDatabaseUrl() {
        return "jdbc:h2:mem:jdbc_test_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    protected void dropDatabase() throws Exception {
        executeRaw("SHUTDOWN");
    }

    @Override
    protected boolean keepsNaN() {
        return true;
    }

    @Test
    void findsATableCreatedWithoutQuotesByItsLowerCaseName() throws Exception {
        executeRaw("CREATE TABLE leads (referred_lead DOUBLE PRECISION, city VARCHAR(40))",
                "INSERT INTO leads VALUES (1, 'pune'), (NULL, NULL)");

        Table table = db.readTable("leads");

        assertEquals(Table.of(NumericColumn.ofNullable("REFERRED_LEAD", 1.0, null),
                CategoricalColumn.of("CITY", "pune", null)), table);
        db.writeTable(Table.of(NumericColumn.of("referred_lead", 0)), "leads", JdbcWriteMode.APPEND);
        assertEquals(3, db.readTable("LEADS").rowCount());
    }

    @Test
    void readsAndWritesThroughADataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url());
        JdbcDatabase pooled = JdbcDatabase.of(dataSource);
        Table table = everyKindOfColumn(40);

        pooled.writeTable(table, "t", JdbcWriteMode.REPLACE);

        assertEquals(table, pooled.readTable("t"));
        assertEquals(List.of("t"), db.tableNames());
    }
}
