package org.mlops4j.examples.cli;

import java.util.List;
import org.mlops4j.core.data.CsvReader;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads CSV, on which texts are missing values: pandas' {@code na_values} and
 * {@code keep_default_na}, under their names.
 */
final class MissingValueOptions {

    /** The default null tokens as {@code --help} shows them; {@code MissingValueOptionsTest} holds it to the reader's. */
    static final String DEFAULT_TOKENS = "the empty field, #N/A, #N/A N/A, #NA, -1.#IND, -1.#QNAN, -NaN, -nan, "
            + "1.#IND, 1.#QNAN, <NA>, N/A, NA, NULL, NaN, None, n/a, nan, null";

    @Option(names = "--na-values", split = ",", paramLabel = "TEXT",
            description = "Further texts that mean a missing value, comma-separated, besides the defaults (as "
                + "pandas' na_values): " + DEFAULT_TOKENS + " (pandas 2's list; note None).")
    List<String> naValues = List.of();

    @Option(names = "--keep-default-na", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "Whether the default texts above mean a missing value (pandas' keep_default_na); with "
                + "false only those of --na-values do, so that --keep-default-na=false keeps 'None' as a "
                + "category (default: ${DEFAULT-VALUE}).")
    boolean keepDefaultNa = true;

    /** @return a reader builder with these choices of missing values and the reader's other defaults */
    CsvReader.Builder reader() {
        return CsvReader.builder().naValues(naValues).keepDefaultNa(keepDefaultNa);
    }
}
