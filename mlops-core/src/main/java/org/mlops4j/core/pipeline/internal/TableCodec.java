package org.mlops4j.core.pipeline.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;

/**
 * This class is internal and is hence not for public use. Writes and reads a {@link Table} in a small, exact binary
 * form: every column's name and type, nulls, doubles bit for bit, and categorical levels in their order (unused
 * levels included).
 *
 * <p>Layout (big-endian): magic {@code MLT1}, row count, column count; per column its name, its type key, then the
 * values: numeric = per row a null flag byte and a double; categorical = level count, levels, per row a code (-1 for
 * null); boolean = per row 0, 1 or 2 (null); timestamp = per row a null flag byte and epoch millis; text = per row a
 * string. Strings are an int byte length (-1 for null) and UTF-8 bytes.
 */
public final class TableCodec {

    private static final int MAGIC = 0x4D4C5431;

    private TableCodec() {
    }

    /**
     * @param table the table
     * @param out   where to write
     * @throws IOException when writing fails
     */
    public static void write(Table table, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(table.rowCount());
        out.writeInt(table.columnCount());
        int rows = table.rowCount();
        for (Column column : table.columns()) {
            writeString(out, column.name());
            writeString(out, column.type().key());
            if (column instanceof NumericColumn c) {
                for (int r = 0; r < rows; r++) {
                    out.writeBoolean(c.isNull(r));
                    out.writeDouble(c.isNull(r) ? 0.0 : c.getDouble(r));
                }
            } else if (column instanceof CategoricalColumn c) {
                out.writeInt(c.levels().size());
                for (String level : c.levels()) {
                    writeString(out, level);
                }
                for (int r = 0; r < rows; r++) {
                    out.writeInt(c.code(r));
                }
            } else if (column instanceof BooleanColumn c) {
                for (int r = 0; r < rows; r++) {
                    out.writeByte(c.isNull(r) ? 2 : c.getBoolean(r) ? 1 : 0);
                }
            } else if (column instanceof TimestampColumn c) {
                for (int r = 0; r < rows; r++) {
                    out.writeBoolean(c.isNull(r));
                    out.writeLong(c.isNull(r) ? 0L : c.getEpochMillis(r));
                }
            } else {
                TextColumn c = column.asText();
                for (int r = 0; r < rows; r++) {
                    writeString(out, c.getString(r));
                }
            }
        }
    }

    /**
     * @param in where to read
     * @return the table
     * @throws IOException when reading fails or the bytes are not a table in this form
     */
    public static Table read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a table file (the magic number MLT1 is missing)");
        }
        int rows = in.readInt();
        int count = in.readInt();
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            ColumnType type = ColumnType.fromKey(readString(in));
            columns.add(switch (type) {
                case NUMERIC -> readNumeric(in, name, rows);
                case CATEGORICAL -> readCategorical(in, name, rows);
                case BOOLEAN -> readBoolean(in, name, rows);
                case TIMESTAMP -> readTimestamp(in, name, rows);
                case TEXT -> readText(in, name, rows);
            });
        }
        return Table.of(columns);
    }

    private static Column readNumeric(DataInputStream in, String name, int rows) throws IOException {
        NumericColumn.Builder builder = NumericColumn.builder(name, rows);
        for (int r = 0; r < rows; r++) {
            boolean isNull = in.readBoolean();
            double value = in.readDouble();
            if (isNull) {
                builder.addNull();
            } else {
                builder.add(value);
            }
        }
        return builder.build();
    }

    /** Adds every level first so that codes keep their order, then keeps only the real rows. */
    private static Column readCategorical(DataInputStream in, String name, int rows) throws IOException {
        int levelCount = in.readInt();
        CategoricalColumn.Builder builder = CategoricalColumn.builder(name, levelCount + rows);
        List<String> levels = new ArrayList<>(levelCount);
        for (int i = 0; i < levelCount; i++) {
            String level = readString(in);
            levels.add(level);
            builder.add(level);
        }
        int[] keep = new int[rows];
        for (int r = 0; r < rows; r++) {
            int code = in.readInt();
            builder.add(code < 0 ? null : levels.get(code));
            keep[r] = levelCount + r;
        }
        return builder.build().take(keep);
    }

    private static Column readBoolean(DataInputStream in, String name, int rows) throws IOException {
        BooleanColumn.Builder builder = BooleanColumn.builder(name);
        for (int r = 0; r < rows; r++) {
            byte value = in.readByte();
            if (value == 2) {
                builder.addNull();
            } else {
                builder.add(value == 1);
            }
        }
        return builder.build();
    }

    private static Column readTimestamp(DataInputStream in, String name, int rows) throws IOException {
        TimestampColumn.Builder builder = TimestampColumn.builder(name, rows);
        for (int r = 0; r < rows; r++) {
            boolean isNull = in.readBoolean();
            long millis = in.readLong();
            if (isNull) {
                builder.addNull();
            } else {
                builder.addEpochMillis(millis);
            }
        }
        return builder.build();
    }

    private static Column readText(DataInputStream in, String name, int rows) throws IOException {
        TextColumn.Builder builder = TextColumn.builder(name, rows);
        for (int r = 0; r < rows; r++) {
            builder.add(readString(in));
        }
        return builder.build();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
