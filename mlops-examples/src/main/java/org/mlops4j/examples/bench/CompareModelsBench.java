package org.mlops4j.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.CompareOptions;
import org.mlops4j.models.Leaderboard;
import org.mlops4j.models.ModelingListener;
import org.mlops4j.models.ModelingSetup;

/**
 * The Java half of the compare-models benchmark against scikit-learn (driven by {@code bench/compare_models.py}).
 *
 * <p>Reads a CSV, sets up a 70/30 stratified split and k stratified folds, writes the split and folds to
 * {@code folds.csv} (so scikit-learn uses exactly the same rows), compares the chosen families, and writes the
 * leaderboard to {@code java_leaderboard.json}.
 *
 * <pre>
 * java -cp ... org.mlops4j.examples.bench.CompareModelsBench data.csv target outDir folds seed threads family,family,...
 *      [family.param=value,...]
 * </pre>
 */
public final class CompareModelsBench {

    /** Held so that the level set on it is not lost to garbage collection (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private CompareModelsBench() {
    }

    /**
     * @param args data CSV, target column, output folder, folds, seed, threads, comma-separated family keys and,
     *             optionally, comma-separated parameter overrides such as {@code rf.n_trees=20}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: CompareModelsBench data.csv target outDir folds seed threads families"
                    + " [family.param=value,...]");
            System.exit(2);
        }
        TRIBUO_LOG.setLevel(Level.WARNING); // Tribuo's SGD trainers log every training at INFO
        Path data = Path.of(args[0]);
        String target = args[1];
        Path out = Path.of(args[2]);
        int folds = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        int threads = Integer.parseInt(args[5]);
        String[] families = args[6].split(",");
        Files.createDirectories(out);

        long readStart = System.nanoTime();
        Table table = readCsv(data);
        System.out.printf("read %d rows x %d columns in %.1f s%n", table.rowCount(), table.columnCount(),
                (System.nanoTime() - readStart) / 1e9);
        ModelingSetup setup = ModelingSetup.builder(table, target).trainFraction(0.7).folds(folds).seed(seed)
                .parallelism(threads).listener(ModelingListener.printingTo(System.out)).build();
        writeFolds(setup, table.rowCount(), out.resolve("folds.csv"));

        CompareOptions options = CompareOptions.defaults().include(families).timeBudget(Duration.ofHours(1));
        if (args.length == 8 && !args[7].isBlank()) {
            java.util.Map<String, java.util.Map<String, Object>> overrides = new java.util.LinkedHashMap<>();
            for (String assignment : args[7].split(",")) {
                String[] keyValue = assignment.split("=", 2);
                String[] familyParam = keyValue[0].split("\\.", 2);
                overrides.computeIfAbsent(familyParam[0], k -> new java.util.LinkedHashMap<>())
                        .put(familyParam[1], keyValue[1]);
            }
            for (java.util.Map.Entry<String, java.util.Map<String, Object>> e : overrides.entrySet()) {
                options = options.withParams(e.getKey(), e.getValue());
            }
        }
        Leaderboard board = setup.compareModels(options);
        Files.writeString(out.resolve("java_leaderboard.json"), board.toJson(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("java_leaderboard.html"), board.toHtml(), StandardCharsets.UTF_8);
        System.out.println(board.toText());
    }

    private static void writeFolds(ModelingSetup setup, int rows, Path file) throws IOException {
        int[] fold = new int[rows];
        Arrays.fill(fold, -1);
        int[] training = setup.trainingRowIndices();
        int[] assignment = setup.foldAssignment();
        for (int i = 0; i < training.length; i++) {
            fold[training[i]] = assignment[i];
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("row,fold");
            for (int i = 0; i < rows; i++) {
                w.println(i + "," + fold[i]);
            }
        }
    }

    /** A plain CSV reader for the benchmark's own files: no quoting; numeric columns where every cell parses. */
    static Table readCsv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine().split(",", -1);
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            boolean numeric = true;
            for (String[] row : rows) {
                if (!row[c].isEmpty()) {
                    try {
                        Double.parseDouble(row[c]);
                    } catch (NumberFormatException e) {
                        numeric = false;
                        break;
                    }
                }
            }
            if (numeric) {
                NumericColumn.Builder b = NumericColumn.builder(header[c], rows.size());
                for (String[] row : rows) {
                    if (row[c].isEmpty()) {
                        b.addNull();
                    } else {
                        b.add(Double.parseDouble(row[c]));
                    }
                }
                columns.add(b.build());
            } else {
                CategoricalColumn.Builder b = CategoricalColumn.builder(header[c], rows.size());
                for (String[] row : rows) {
                    b.add(row[c].isEmpty() ? null : row[c]);
                }
                columns.add(b.build());
            }
        }
        return Table.of(columns);
    }
}
