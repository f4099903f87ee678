package org.mlops4j.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the records a reader set aside, with where and why, and writes them as a CSV file with the columns
 * {@code line, reason, column, value, record} (the record as it was read, re-quoted).
 *
 * <p>The file is written atomically once reading is done, and always (with the header alone when nothing was set
 * aside), so that a quarantine file never describes an earlier read. Not thread-safe.
 */
final class Quarantine {

    private record Entry(long line, String reason, String column, String value, String record) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param line   the line where the record starts
     * @param reason why it was set aside
     * @param column the column of the bad value, or {@code null} when the whole record is bad
     * @param value  the bad value, or {@code null}
     * @param record the record's text
     */
    public void add(long line, String reason, String column, String value, String record) {
        entries.add(new Entry(line, reason, column, value, record));
    }

    /** @param other entries to add to these */
    public void addAll(Quarantine other) {
        entries.addAll(other.entries);
    }

    /** @return how many records were set aside */
    public int size() {
        return entries.size();
    }

    /**
     * Writes the entries, ordered by line, replacing the file atomically.
     *
     * @param file the quarantine file
     */
    public void write(Path file) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::line));
        TextColumn.Builder line = TextColumn.builder("line", sorted.size());
        TextColumn.Builder reason = TextColumn.builder("reason", sorted.size());
        TextColumn.Builder column = TextColumn.builder("column", sorted.size());
        TextColumn.Builder value = TextColumn.builder("value", sorted.size());
        TextColumn.Builder record = TextColumn.builder("record", sorted.size());
        for (Entry entry : sorted) {
            line.add(Long.toString(entry.line()));
            reason.add(entry.reason());
            column.add(entry.column());
            value.add(entry.value());
            record.add(entry.record());
        }
        Table table = Table.of(line.build(), reason.build(), column.build(), value.build(), record.build());
        CsvWriter.builder().build().write(table, file);
    }
}
