package org.mlops4j.core.data;

/**
 * A view of one row of a {@link Table}, for predicates and display. It copies nothing; for tight loops over many rows
 * read the typed columns directly.
 */
public final class Row {

    private final Table table;
    private final int index;

    Row(Table table, int index) {
        this.table = table;
        this.index = index;
    }

    /** @return the row's index in its table */
    public int index() {
        return index;
    }

    /** @param column a column's name @return whether the value is null */
    public boolean isNull(String column) {
        return table.column(column).isNull(index);
    }

    /** @param column a column's name @return the value as an object, or {@code null} */
    public Object get(String column) {
        return table.column(column).get(index);
    }

    /** @param column a numeric column's name @return the value, {@code NaN} when null */
    public double getDouble(String column) {
        return table.numeric(column).getDouble(index);
    }

    /** @param column a categorical or text column's name @return the value, or {@code null} */
    public String getString(String column) {
        Column c = table.column(column);
        return c instanceof CategoricalColumn cat ? cat.getString(index) : c.asText().getString(index);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Row ").append(index).append(" {");
        for (Column column : table.columns()) {
            out.append(column.name()).append('=').append(column.isNull(index) ? "null" : column.format(index))
                    .append(", ");
        }
        if (table.columnCount() > 0) {
            out.setLength(out.length() - 2);
        }
        return out.append('}').toString();
    }
}
