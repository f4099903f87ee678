package org.mlops4j.examples.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.SchemaException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on standard error and an exit code: bad input and bad settings
 * ({@link DataException}, {@link ConfigurationException}, {@link SchemaException}, a missing file) give
 * {@link ExitCodes#BAD_INPUT}, anything else {@link ExitCodes#INTERNAL_ERROR}. The stack trace is printed only with
 * {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean badInput = isBadInput(e);
        String name = command.getCommandSpec().qualifiedName();
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        command.getErr().println(name + ": " + (badInput ? "" : "unexpected error: ") + message);
        if (verbose(parseResult)) {
            e.printStackTrace(command.getErr());
        } else if (!badInput) {
            command.getErr().println("Run again with --verbose for the stack trace.");
        }
        command.getErr().flush();
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }

    static boolean isBadInput(Throwable e) {
        if (e instanceof DataException || e instanceof ConfigurationException || e instanceof SchemaException
                || e instanceof IllegalArgumentException) {
            return true;
        }
        return e instanceof UncheckedIOException io && (io.getCause() instanceof NoSuchFileException
                || io.getCause() instanceof FileNotFoundException);
    }

    static boolean verbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
