package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

class SqlTableNameTest {

    @Test
    void acceptsNamesOfLettersDigitsAndUnderscoresWithAnOptionalSchema() {
        assertEquals(new SqlTableName(Optional.empty(), "loaded_data"), SqlTableName.parse("loaded_data"));
        assertEquals(new SqlTableName(Optional.of("analytics"), "2021_Leads"),
                SqlTableName.parse("analytics.2021_Leads"));
        assertEquals("\"analytics\".\"2021_Leads\"", SqlTableName.parse("analytics.2021_Leads")
                .toSql(SqlDialect.POSTGRESQL));
    }

    @Test
    void refusesNamesThatCouldCarrySql() {
        for (String name : new String[] {"", "t;", "t x", "t\"", "a.b.c", ".t", "t.", "t--", "t'", "tä"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlTableName.parse(name),
                    name);
            assertEquals(true, e.getMessage().startsWith("Invalid table name '" + name + "'"), e.getMessage());
        }
    }

    @Test
    void quotingDoublesQuoteCharacters() {
        assertEquals("\"say \"\"hi\"\"\"", SqlDialect.SQLITE.quote("say \"hi\""));
    }

    @Test
    void postgresLimitsIdentifiersTo63Bytes() {
        assertEquals(true, SqlDialect.POSTGRESQL.fitsIdentifierLength("a".repeat(63)));
        assertEquals(false, SqlDialect.POSTGRESQL.fitsIdentifierLength("a".repeat(64)));
        assertEquals(false, SqlDialect.POSTGRESQL.fitsIdentifierLength("ü".repeat(32)), "64 bytes in UTF-8");
        assertEquals(true, SqlDialect.SQLITE.fitsIdentifierLength("a".repeat(1000)));
    }
}
