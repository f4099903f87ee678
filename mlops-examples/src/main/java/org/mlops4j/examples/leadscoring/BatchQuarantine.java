package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.ValidationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder where batches that fail a check are kept, each with its validation report next to it:
 * {@code leads.csv} and {@code leads.csv.report.json}. A name already taken gets a UTC time stamp, so nothing is
 * overwritten. Thread-safe as far as the file system is: two batches quarantined at the same instant under the same
 * name may collide, and the second then fails with an {@link UncheckedIOException} rather than overwrite the first.
 */
public final class BatchQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(BatchQuarantine.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** What the report's file name adds to the batch's. */
    public static final String REPORT_SUFFIX = ".report.json";

    private final Path folder;
    private final Clock clock;

    /** @param folder the quarantine folder; created when the first batch arrives */
    public BatchQuarantine(Path folder) {
        this(folder, Clock.systemUTC());
    }

    /**
     * @param folder the quarantine folder; created when the first batch arrives
     * @param clock  the time for the stamps of names already taken
     */
    public BatchQuarantine(Path folder, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the quarantine folder */
    public Path folder() {
        return folder;
    }

    /**
     * Copies a batch file into the quarantine, with its report; the original stays where it is.
     *
     * @param check  the check that failed
     * @param batch  the batch file
     * @param report why it failed
     * @return where the copy and the report are
     * @throws UncheckedIOException when the files cannot be written
     */
    public QuarantinedBatch quarantineFile(String check, Path batch, ValidationReport report) {
        Path target = freeName(batch.getFileName().toString());
        try {
            Files.createDirectories(folder);
            Files.copy(batch, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot quarantine " + batch + " into " + folder + ": " + e, e);
        }
        return withReport(check, target, report);
    }

    /**
     * Writes a table that failed a check into the quarantine as CSV, with its report.
     *
     * @param check  the check that failed
     * @param name   the file name for the table, such as {@code model_input.csv}
     * @param table  the table
     * @param report why it failed
     * @return where the table and the report are
     * @throws UncheckedIOException when the files cannot be written
     */
    public QuarantinedBatch quarantineTable(String check, String name, Table table, ValidationReport report) {
        Path target = freeName(name);
        CsvWriter.builder().build().write(table, target);
        return withReport(check, target, report);
    }

    private QuarantinedBatch withReport(String check, Path target, ValidationReport report) {
        Path reportFile = target.resolveSibling(target.getFileName() + REPORT_SUFFIX);
        report.writeJson(reportFile);
        LOG.warn("{} failed; quarantined {} with report {}", check, target, reportFile);
        return new QuarantinedBatch(check, target, reportFile);
    }

    private Path freeName(String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return folder.resolve(stem + "-" + STAMP.format(clock.instant()) + extension);
    }
}
