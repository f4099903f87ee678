package org.mlops4j.examples.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers bad usage (an unknown or missing option, a value that does not convert, an option value a command rejects)
 * with one line on standard error, {@code mlops <command>: <message>}, and {@link ExitCodes#BAD_INPUT}. A mistyped
 * option or command gets picocli's suggestions; usage mistakes point to the command's {@code --help} rather than
 * print the whole usage, which would bury the message.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        StringBuilder message = new StringBuilder(e.getMessage() != null ? e.getMessage().strip() : "Bad usage");
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
        }
        if (e.getCause() == null) { // picocli's own usage errors; a rejected value's message says enough
            message.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
        }
        ErrorHandler.print(command, message.toString(), e);
        if (e.getCause() != null && Arrays.asList(args).contains("--verbose")) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }
}
