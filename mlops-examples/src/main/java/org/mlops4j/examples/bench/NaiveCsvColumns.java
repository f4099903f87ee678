package org.mlops4j.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The baseline a benchmark compares {@code CsvReader} with: {@link BufferedReader#readLine()},
 * {@code String.split(",")} and {@link Double#parseDouble(String)} into one {@code double[]} per numeric column
 * ({@code NaN} for an empty field), and one {@code String[]} per column named as text. No quoting, no type inference,
 * no checks: it is correct only for simple files such as the generated lead data.
 *
 * @param header  the column names
 * @param numbers the values of each numeric column, by column index ({@code null} for text columns)
 * @param strings the values of each text column, by column index ({@code null} for numeric columns)
 * @param rows    the number of rows
 */
public record NaiveCsvColumns(String[] header, double[][] numbers, String[][] strings, int rows) {

    /**
     * @param file        the CSV file
     * @param textColumns the columns to keep as strings; every other column is parsed as numbers
     * @return the columns
     */
    public static NaiveCsvColumns read(Path file, Set<String> textColumns) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] header = in.readLine().split(",", -1);
            int width = header.length;
            boolean[] text = new boolean[width];
            for (int c = 0; c < width; c++) {
                text[c] = textColumns.contains(header[c]);
            }
            int capacity = 1024;
            double[][] numbers = new double[width][];
            String[][] strings = new String[width][];
            for (int c = 0; c < width; c++) {
                if (text[c]) {
                    strings[c] = new String[capacity];
                } else {
                    numbers[c] = new double[capacity];
                }
            }
            int rows = 0;
            String line;
            while ((line = in.readLine()) != null) {
                String[] fields = line.split(",", -1);
                if (rows == capacity) {
                    capacity *= 2;
                    for (int c = 0; c < width; c++) {
                        if (text[c]) {
                            strings[c] = Arrays.copyOf(strings[c], capacity);
                        } else {
                            numbers[c] = Arrays.copyOf(numbers[c], capacity);
                        }
                    }
                }
                for (int c = 0; c < width; c++) {
                    String field = fields[c];
                    if (text[c]) {
                        strings[c][rows] = field.isEmpty() ? null : field;
                    } else {
                        numbers[c][rows] = field.isEmpty() ? Double.NaN : Double.parseDouble(field);
                    }
                }
                rows++;
            }
            for (int c = 0; c < width; c++) {
                if (text[c]) {
                    strings[c] = Arrays.copyOf(strings[c], rows);
                } else {
                    numbers[c] = Arrays.copyOf(numbers[c], rows);
                }
            }
            return new NaiveCsvColumns(header, numbers, strings, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
