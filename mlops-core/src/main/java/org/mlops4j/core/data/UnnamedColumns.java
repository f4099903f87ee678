package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columns a CSV header gives no name, as spreadsheets export them (a header line that ends with a separator), read
 * as pandas reads them: each is called {@code Unnamed: N}, N its 0-based position in the header; one that is empty in
 * every row is then dropped, and one with values is kept under that name. Both are logged as warnings.
 *
 * <p>A whole-table read decides on all rows; a stream on its first chunk, and a later value in a column dropped then
 * is logged as a warning (once per column), since the chunks must keep the same columns. Not thread-safe.
 */
final class UnnamedColumns {

    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

    private final String source;
    private final List<String> names;
    private final List<String> dropped = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();
    private final List<String> warnedLater = new ArrayList<>();

    /**
     * @param source the input's name, for warnings
     * @param names  the {@code Unnamed: N} names given to the header's nameless columns, in header order
     */
    UnnamedColumns(String source, List<String> names) {
        this.source = source;
        this.names = List.copyOf(names);
    }

    /**
     * Decides, from the first (or only) table read, which nameless columns are dropped, and logs the decision.
     *
     * @param table all rows, or a stream's first chunk
     * @return the table without the nameless columns that hold no value
     */
    Table settle(Table table) {
        for (String name : names) {
            Column column = table.column(name);
            if (column.nullCount() == column.size()) {
                dropped.add(name);
            } else {
                kept.add(name);
            }
        }
        if (!dropped.isEmpty()) {
            LOG.warn("{}: the header gives no name to the columns at positions {} (0-based), which are empty in every "
                    + "row{}; dropped them. Remove the separator at the end of the header line, or name the columns",
                    source, positions(dropped), table.rowCount() == 0 ? " (there are no rows)" : "");
        }
        if (!kept.isEmpty()) {
            LOG.warn("{}: the header gives no name to the columns at positions {} (0-based), which hold values; read "
                    + "them as {}, as pandas names them. Add the names to the header line to choose them", source,
                    positions(kept), kept);
        }
        return dropped.isEmpty() ? table : table.drop(dropped.toArray(String[]::new));
    }

    /**
     * @param chunk     a later chunk of a stream
     * @param firstLine the line of the chunk's first record, for the warning
     * @return the chunk without the columns {@link #settle} dropped
     */
    Table apply(Table chunk, long firstLine) {
        if (dropped.isEmpty()) {
            return chunk;
        }
        for (String name : dropped) {
            Column column = chunk.column(name);
            if (column.nullCount() < column.size() && !warnedLater.contains(name)) {
                warnedLater.add(name);
                LOG.warn("{}: the nameless column {} was empty in the stream's first chunk and so dropped, but holds "
                        + "values in the chunk from line {}; they are not read. Name the column in the header, or "
                        + "read in larger chunks", source, name, firstLine);
            }
        }
        return chunk.drop(dropped.toArray(String[]::new));
    }

    /** @return the nameless columns dropped as empty, by their {@code Unnamed: N} names */
    List<String> dropped() {
        return List.copyOf(dropped);
    }

    /** @return the nameless columns kept under their {@code Unnamed: N} names */
    List<String> kept() {
        return List.copyOf(kept);
    }

    private static List<Integer> positions(List<String> unnamed) {
        return unnamed.stream().map(n -> Integer.valueOf(n.substring(CsvReadSession.UNNAMED_PREFIX.length())))
                .toList();
    }
}
