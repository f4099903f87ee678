package org.mlops4j.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.SchemaException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.ValidationOptions;
import org.mlops4j.core.data.ValidationReport;
import org.mlops4j.core.spi.support.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops validate}: checks a CSV file against a schema, with a row-level report and a quarantine. The file given
 * with {@code --schema} is read as a tree: its shape is known only from its content (an mlops4j schema, or lists under
 * names the user chose), and the messages list the names found.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a CSV file against a schema: an mlops4j schema JSON file, or a JSON file of named "
            + "column lists such as the case study's schemas.json with --schema-name. Prints the report; exit code 1 "
            + "when the data does not match.")
final class ValidateCommand implements Callable<Integer> {

    /** How the report is printed. */
    enum Format { TEXT, JSON }


    @Spec
    private CommandSpec spec;

    @Mixin
    private MissingValueOptions missingValues;

    @Option(names = "--schema", required = true, paramLabel = "FILE", description = "The schema JSON file.")
    private Path schemaFile;

    @Option(names = "--schema-name", paramLabel = "NAME", description = "In a file of named column lists, the list "
            + "to check against, such as raw_data_schema; the columns must then be exactly these, in order.")
    private String schemaName;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The data to check.")
    private Path input;

    @Option(names = "--quarantine", paramLabel = "FILE", description = "Write the rejected rows there as CSV, and "
            + "the report as JSON next to it (FILE.report.json).")
    private Path quarantine;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to print the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() {
        if (quarantine != null) {
            InputFiles.requireWritableFile(quarantine, "--quarantine");
        }
        Schema schema = readSchema(InputFiles.requireFile(schemaFile, "--schema"));
        Table table = InputFiles.readCsv(input, "--input", missingValues.reader().build());
        // row numbers count from 2, the first data line after the header, so they point into the file
        ValidationReport report = schema.validate(table, ValidationOptions.builder().source(input).firstRowNumber(2)
                .build());
        spec.commandLine().getOut().print(format == Format.JSON ? report.toJson() : report.summary());
        if (quarantine != null) {
            report.writeQuarantine(quarantine);
            report.writeJson(quarantine.resolveSibling(quarantine.getFileName() + ".report.json"));
        }
        return report.valid() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }

    private Schema readSchema(Path file) {
        JsonNode root;
        try {
            root = Json.readTree(Files.readString(file));
        } catch (IOException e) {
            if (e instanceof JsonProcessingException json) {
                JsonLocation at = json.getLocation();
                throw new SchemaException("The file given with --schema is not JSON: " + json.getOriginalMessage()
                        + " (" + file + (at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr())
                        + ")", e);
            }
            String problem = e instanceof CharacterCodingException ? "is not UTF-8 text (is it a JSON file?)"
                    : "cannot be read: " + e.getMessage();
            throw new DataException("The file given with --schema " + problem, file.toString(), 0, null, null, e);
        }
        if (schemaName == null) {
            if (root != null && root.has("columns")) {
                return Schema.fromJson(file);
            }
            throw new SchemaException(file + " is not an mlops4j schema (it has no \"columns\"); if it holds named "
                    + "column lists, choose one with --schema-name, one of " + listNames(root));
        }
        JsonNode list = root == null ? null : root.get(schemaName);
        if (list == null || !list.isArray()) {
            throw new SchemaException(file + " has no column list \"" + schemaName + "\"; its lists are "
                    + listNames(root));
        }
        List<String> names = new ArrayList<>();
        list.forEach(node -> names.add(node.asText()));
        return Schema.ofNames(names);
    }

    private static List<String> listNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        if (root != null && root.isObject()) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (root.get(name).isArray()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
