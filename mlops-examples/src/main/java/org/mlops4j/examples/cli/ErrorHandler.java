package org.mlops4j.examples.cli;

import java.io.FileNotFoundException;
import java.nio.file.FileSystemException;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.tracking.FilterSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into its message on standard error and an exit code.
 *
 * <p>{@link ExitCodes#BAD_INPUT} when the user's input or arguments caused it: an exception that is, or is caused by,
 * a {@link CausedByInput} (bad data, a bad setting, an unknown model, version or experiment, an invalid filter); an
 * {@link IllegalArgumentException}, which the library's value checks throw for an argument the command passed on; a
 * {@link FileSystemException} or {@link FileNotFoundException} anywhere in the causes, for a path that cannot be used
 * as given (missing, a folder where a file is expected, not writable). The message is printed alone, on one line, as
 * {@code mlops <command>: <message>}; a filter error keeps its caret under the position of the problem.
 *
 * <p>{@link ExitCodes#INTERNAL_ERROR} for anything else, which is a bug: the message is prefixed with
 * "unexpected error" and followed by a hint to run again with {@code --verbose}. The stack trace is printed only with
 * {@code --verbose}, whatever the kind.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** How deep to look into causes: a bound, in case they loop. */
    private static final int MAX_CAUSES = 32;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean badInput = isBadInput(e);
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        print(command, (badInput ? "" : "unexpected error: ") + message, e);
        if (verbose(parseResult)) {
            e.printStackTrace(command.getErr());
        } else if (!badInput) {
            command.getErr().println("Run again with --verbose for the stack trace.");
        }
        command.getErr().flush();
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }

    /**
     * @param e what a command threw
     * @return whether the user's input or arguments caused it, as the class comment says
     */
    static boolean isBadInput(Throwable e) {
        if (CausedByInput.isCausedByInput(e) || e instanceof IllegalArgumentException) {
            return true;
        }
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof FileSystemException || cause instanceof FileNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prints {@code mlops <command>: <message>} on the command's standard error, on one line: line breaks inside the
     * message become spaces, except for a filter error's caret display, which needs its lines.
     *
     * @param command the command that failed
     * @param message what to say
     * @param failure the exception, whose causes tell whether it is a filter error
     */
    static void print(CommandLine command, String message, Throwable failure) {
        String text = hasFilterSyntaxError(failure) ? message.strip() : message.strip().replaceAll("\\s*\\R\\s*", " ");
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + text);
    }

    private static boolean hasFilterSyntaxError(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof FilterSyntaxException) {
                return true;
            }
        }
        return false;
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
