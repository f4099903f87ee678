package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/** Compares tables cell by cell, naming the first difference. */
final class TableAssertions {

    private TableAssertions() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(TableAssertions.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same column names in order, same rows; numbers equal within 1e-9, everything else equal as written. */
    static void assertSameTable(Table expected, Table actual, String what) {
        assertEquals(expected.columnNames(), actual.columnNames(), what + ": columns");
        assertEquals(expected.rowCount(), actual.rowCount(), what + ": rows");
        for (int c = 0; c < expected.columnCount(); c++) {
            Column want = expected.column(c);
            Column got = actual.column(c);
            for (int row = 0; row < expected.rowCount(); row++) {
                String where = what + ", row " + (row + 1) + ", column " + want.name();
                assertEquals(want.isNull(row), got.isNull(row), where + ": null? expected "
                        + want.format(row) + " got " + got.format(row));
                if (want.isNull(row)) {
                    continue;
                }
                if (want instanceof NumericColumn a) {
                    if (!(got instanceof NumericColumn b)) {
                        fail(where + ": expected a number, found " + got.type().key() + " " + got.format(row));
                        return;
                    }
                    assertEquals(a.getDouble(row), b.getDouble(row), 1e-9, where);
                } else {
                    assertEquals(want.format(row), got.format(row), where);
                }
            }
        }
    }
}
